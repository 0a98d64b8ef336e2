# expect: raises
# Forgets the argument.
def half():
    return 4
