# expect: same-axis
# Inserts the new axis at position 1 in both inputs.
from keras import ops


def pairwise_sq_dists(a, b):
    diff = ops.expand_dims(a, 1) - ops.expand_dims(b, 1)
    return ops.sum(ops.square(diff), axis=-1)
