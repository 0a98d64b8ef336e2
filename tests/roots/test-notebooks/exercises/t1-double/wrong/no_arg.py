# expect: raises
# Forgets the argument.
def double():
    return 4
