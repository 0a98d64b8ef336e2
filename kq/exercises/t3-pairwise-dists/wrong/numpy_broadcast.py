# expect: returns-numpy
# Does the broadcasting with NumPy indexing and NumPy functions.
import numpy as np


def pairwise_sq_dists(a, b):
    return np.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=-1)
