"""Exponential smoothing with ops.scan

A function that smooths a sequence, each output mixing the new value with the previous output,
written as an `ops.scan` loop.
"""

import numpy as np
from keras import ops

from kq.checking import Hint, calling, require

TRACK = 3

HINTS = {
    "call-fails": Hint(
        "Calling `smooth(xs, alpha)` raised an error. With `ops.scan(f, init, xs)`, your step "
        "`f(carry, x)` must return a *pair*, `(new_carry, output)`, even when both are the "
        "same value, and the new carry must keep the shape and dtype of `init` (a float such "
        "as `xs[0]`, not the integer `0`).",
        see="03-ops#scan-carry-and-outputs",
    ),
    "returns-pair": Hint(
        "You return both of `ops.scan`'s results, the final carry and the stacked outputs. "
        "Unpack them (`last, outputs = ops.scan(...)`) and return only the outputs.",
        see="03-ops#scan-carry-and-outputs",
    ),
    "not-a-tensor": Hint(
        "`smooth` must return one tensor with an output per input, not a Python list. "
        "`ops.scan` stacks the outputs of every step into a tensor for you.",
        see="03-ops#scan-carry-and-outputs",
    ),
    "returns-final": Hint(
        "You return a single number, the final carry. The task asks for the whole smoothed "
        "sequence: the second value `ops.scan` returns.",
        see="03-ops#scan-carry-and-outputs",
    ),
    "length": Hint(
        "`smooth(xs, alpha)` must return exactly one output per value of `xs`.",
        see="03-ops#scan-carry-and-outputs",
    ),
    "start-at-first": Hint(
        "Your first output is `alpha * xs[0]`: the carry starts at zero. Start it at the first "
        "value, `ops.scan(step, xs[0], xs)`, so the first output is `xs[0]` itself.",
        see="03-ops#scan-carry-and-outputs",
    ),
    "weights-swapped": Hint(
        "The weights are swapped: the new value gets `alpha` and the previous output gets "
        "`1 - alpha`: `alpha * x + (1 - alpha) * carry`.",
        see="03-ops#scan-carry-and-outputs",
    ),
    "uses-alpha": Hint(
        "Your function gives the answer for `alpha=0.5` whatever `alpha` it is given: use the "
        "argument, not a number written into the step.",
        see="03-ops#scan-carry-and-outputs",
    ),
    "wrong-values": Hint(
        "The outputs are not the smoothed sequence: output `t` is "
        "`alpha * xs[t] + (1 - alpha) * output[t - 1]`, and output 0 is `xs[0]`.",
        see="03-ops#scan-carry-and-outputs",
    ),
}


def _smooth(xs, alpha):
    out = [xs[0]]
    for x in xs[1:]:
        out.append(alpha * x + (1 - alpha) * out[-1])
    return np.array(out)


def check(answer):
    smooth = answer.smooth
    values = np.array([4.0, 8.0, 0.0, 2.0, 6.0], dtype="float32")
    xs = ops.convert_to_tensor(values)
    with calling("call-fails"):
        out = smooth(xs, 0.25)
    require(not (isinstance(out, tuple) and len(out) == 2), "returns-pair")
    require(not isinstance(out, (list, tuple)), "not-a-tensor")
    got = np.asarray(ops.convert_to_numpy(out), dtype="float64")
    require(got.ndim == 1, "returns-final")
    require(got.shape == (5,), "length")
    expected = _smooth(values, 0.25)
    started_at_zero = _smooth(np.concatenate([[0.0], values]), 0.25)[1:]
    require(not np.allclose(got, started_at_zero, atol=1e-5), "start-at-first")
    require(not np.allclose(got, _smooth(values, 0.75), atol=1e-5), "weights-swapped")
    require(not np.allclose(got, _smooth(values, 0.5), atol=1e-5), "uses-alpha")
    require(np.allclose(got, expected, atol=1e-5), "wrong-values")
    with calling("call-fails"):
        again = np.asarray(ops.convert_to_numpy(smooth(xs, 0.9)))
    require(np.allclose(again, _smooth(values, 0.9), atol=1e-5), "uses-alpha")
