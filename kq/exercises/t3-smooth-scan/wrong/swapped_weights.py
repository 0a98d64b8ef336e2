# expect: weights-swapped
# Gives alpha to the previous output and 1 - alpha to the new value.
from keras import ops


def smooth(xs, alpha):
    def step(carry, x):
        new = (1 - alpha) * x + alpha * carry
        return new, new

    last, outputs = ops.scan(step, xs[0], xs)
    return outputs
