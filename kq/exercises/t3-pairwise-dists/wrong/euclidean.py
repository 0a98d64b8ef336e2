# expect: took-sqrt
# Returns the Euclidean distances, square root included, not the squared ones.
from keras import ops


def pairwise_sq_dists(a, b):
    diff = ops.expand_dims(a, 1) - ops.expand_dims(b, 0)
    return ops.sqrt(ops.sum(ops.square(diff), axis=-1))
