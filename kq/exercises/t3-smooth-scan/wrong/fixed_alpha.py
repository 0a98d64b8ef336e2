# expect: uses-alpha
# Writes the example's 0.5 into the step and never uses the alpha argument.
from keras import ops


def smooth(xs, alpha):
    def step(carry, x):
        new = 0.5 * x + 0.5 * carry
        return new, new

    last, outputs = ops.scan(step, xs[0], xs)
    return outputs
