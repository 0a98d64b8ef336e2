# expect: returns-final
# Keeps the final carry, the last smoothed value, instead of the whole sequence.
from keras import ops


def smooth(xs, alpha):
    def step(carry, x):
        new = alpha * x + (1 - alpha) * carry
        return new, new

    last, outputs = ops.scan(step, xs[0], xs)
    return last
