import numpy as np
from keras import ops


def pairwise_sq_dists(a, b):
    diff = ops.expand_dims(a, 1) - ops.expand_dims(b, 0)  # (n, 1, d) - (1, m, d) -> (n, m, d)
    return ops.sum(ops.square(diff), axis=-1)  # (n, m)


a = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0]], dtype="float32")
b = np.array([[0.0, 0.0], [1.0, 1.0]], dtype="float32")
dists = pairwise_sq_dists(a, b)
reference = ((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=-1)
print(ops.convert_to_numpy(dists))
print(np.allclose(ops.convert_to_numpy(dists), reference))
