# expect: transposed
# Expands a at axis 0 and b at axis 1, so the result is (m, n): the transpose.
from keras import ops


def pairwise_sq_dists(a, b):
    diff = ops.expand_dims(a, 0) - ops.expand_dims(b, 1)
    return ops.sum(ops.square(diff), axis=-1)
