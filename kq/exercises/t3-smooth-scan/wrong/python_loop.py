# expect: not-a-tensor
# Loops in Python and returns the list of step results instead of one tensor.
def smooth(xs, alpha):
    outputs = [xs[0]]
    for t in range(1, xs.shape[0]):
        outputs.append(alpha * xs[t] + (1 - alpha) * outputs[-1])
    return outputs
