# expect: no-keepdims
# Sums without keepdims=True, so the (n,) lengths broadcast along the columns.
from keras import ops


def unit_rows(x):
    x = ops.convert_to_tensor(x)
    return x / ops.sqrt(ops.sum(ops.square(x), axis=1))
