# expect: same
# Returns its argument.
def triple(x):
    return x
