# expect: no-square
# Adds up the raw differences, forgetting to square them.
from keras import ops


def pairwise_sq_dists(a, b):
    diff = ops.expand_dims(a, 1) - ops.expand_dims(b, 0)
    return ops.sum(diff, axis=-1)
