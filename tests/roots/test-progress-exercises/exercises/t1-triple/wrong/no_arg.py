# expect: raises
# Forgets the argument.
def triple():
    return 4
