# expect: no-expand
# Subtracts b from a directly, which pairs row i with row i only.
from keras import ops


def pairwise_sq_dists(a, b):
    return ops.sum(ops.square(ops.subtract(a, b)), axis=-1)
