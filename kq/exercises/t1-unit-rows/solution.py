import numpy as np
from keras import ops


def unit_rows(x):
    x = ops.convert_to_tensor(x)
    lengths = ops.sqrt(ops.sum(ops.square(x), axis=1, keepdims=True))  # shape (n, 1)
    return x / lengths


m = np.array([[3.0, 4.0], [6.0, 8.0], [0.0, 2.0]], dtype="float32")
print(ops.convert_to_numpy(unit_rows(m)))
