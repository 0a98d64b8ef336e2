# expect: not-unit
# Divides each row by the sum of its entries, so the rows add up to 1 instead of having length 1.
from keras import ops


def unit_rows(x):
    x = ops.convert_to_tensor(x)
    return x / ops.sum(x, axis=1, keepdims=True)
