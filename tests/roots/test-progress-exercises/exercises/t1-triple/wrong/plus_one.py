# expect: wrong-value
# Adds one.
def triple(x):
    return x + 1
