# expect: not-callable
# Assigns a number to the name.
triple = 4
