# expect: string
# Returns text.
def half(x):
    return str(x / 2)
