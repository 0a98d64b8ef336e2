import numpy as np
from keras import ops


def pairwise_sq_dists(a, b):
    """Squared distances between every row of a (n, d) and every row of b (m, d): shape (n, m)."""
    return ops.zeros((ops.shape(a)[0], ops.shape(b)[0]))  # compute them with broadcasting


a = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0]], dtype="float32")
b = np.array([[0.0, 0.0], [1.0, 1.0]], dtype="float32")
print(ops.convert_to_numpy(pairwise_sq_dists(a, b)))
