# expect: wrong-value
# Adds one.
def double(x):
    return x + 2
