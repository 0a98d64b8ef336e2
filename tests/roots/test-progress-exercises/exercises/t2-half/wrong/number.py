# expect: not-callable
# Assigns a number to the name.
half = 4
