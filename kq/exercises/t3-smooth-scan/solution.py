from keras import ops


def smooth(xs, alpha):
    def step(carry, x):
        new = alpha * x + (1 - alpha) * carry
        return new, new  # the carry for the next step, and this step's output

    last, outputs = ops.scan(step, xs[0], xs)
    return outputs


xs = ops.convert_to_tensor([4.0, 8.0, 0.0, 2.0])
print(ops.convert_to_numpy(smooth(xs, 0.5)))
