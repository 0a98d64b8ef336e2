# expect: call-fails
# The step returns only the new value, not the (carry, output) pair ops.scan expects.
from keras import ops


def smooth(xs, alpha):
    def step(carry, x):
        return alpha * x + (1 - alpha) * carry

    last, outputs = ops.scan(step, xs[0], xs)
    return outputs
