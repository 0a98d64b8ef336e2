# expect: returns-numpy
# Computes with keras.ops but converts the result to NumPy before returning it.
from keras import ops


def unit_rows(x):
    x = ops.convert_to_tensor(x)
    lengths = ops.sqrt(ops.sum(ops.square(x), axis=1, keepdims=True))
    return ops.convert_to_numpy(x / lengths)
