# expect: string
# Returns text.
def triple(x):
    return str(3 * x)
