# expect: wrong-value
# Adds one.
def half(x):
    return x + 1
