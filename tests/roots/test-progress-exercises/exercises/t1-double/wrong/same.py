# expect: same
# Returns its argument.
def double(x):
    return x
