# expect: start-at-first
# Starts the carry at 0.0, as in a running sum, so the first output is pulled towards zero.
from keras import ops


def smooth(xs, alpha):
    def step(carry, x):
        new = alpha * x + (1 - alpha) * carry
        return new, new

    last, outputs = ops.scan(step, 0.0, xs)
    return outputs
