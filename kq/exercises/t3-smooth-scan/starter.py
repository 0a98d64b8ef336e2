from keras import ops


def smooth(xs, alpha):
    """Output 0 is xs[0]; output t is alpha * xs[t] + (1 - alpha) * output t - 1."""

    def step(carry, x):
        return carry, x  # (new carry, output of this step): compute the smoothed value

    last, outputs = ops.scan(step, xs[0], xs)
    return outputs


xs = ops.convert_to_tensor([4.0, 8.0, 0.0, 2.0])
print(ops.convert_to_numpy(smooth(xs, 0.5)))
