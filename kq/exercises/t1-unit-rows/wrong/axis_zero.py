# expect: wrong-axis
# Reduces along axis=0, so the columns, not the rows, get length 1.
from keras import ops


def unit_rows(x):
    x = ops.convert_to_tensor(x)
    return x / ops.sqrt(ops.sum(ops.square(x), axis=0, keepdims=True))
