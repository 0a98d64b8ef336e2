# expect: string
# Returns text.
def double(x):
    return str(2 * x)
