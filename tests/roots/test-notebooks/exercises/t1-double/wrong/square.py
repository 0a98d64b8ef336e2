# expect: squares
# Squares.
def double(x):
    return x * x
