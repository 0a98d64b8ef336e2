# expect: not-callable
# Assigns a number to the name.
double = 4
