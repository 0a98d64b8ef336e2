# expect: sum-axis
# Sums over the first axis, as in the track's column means, instead of over the coordinates.
from keras import ops


def pairwise_sq_dists(a, b):
    diff = ops.expand_dims(a, 1) - ops.expand_dims(b, 0)
    return ops.sum(ops.square(diff), axis=0)
