"""Pairwise squared distances by broadcasting

A function that computes the squared distance between every row of `a` and every row of `b`,
with `keras.ops` and broadcasting instead of loops.
"""

import numpy as np
from keras import ops

from kq.checking import Hint, calling, require

TRACK = 3

HINTS = {
    "call-fails": Hint(
        "Calling `pairwise_sq_dists(a, b)` on two `(3, 2)` arrays raised an error. It takes "
        "two 2-D arrays with the same number of columns and returns a tensor.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "returns-numpy": Hint(
        "`pairwise_sq_dists` returned a NumPy array: it computed with NumPy. Use `keras.ops` "
        "(`ops.expand_dims`, `ops.sum`, `ops.square`) so it runs on the backend.",
        see="03-ops#tensors-belong-to-the-backend",
    ),
    "no-expand": Hint(
        "Your result has one number per row: `a - b` subtracts row `i` from row `i` only. "
        "Insert axes first, `ops.expand_dims(a, 1) - ops.expand_dims(b, 0)`, so broadcasting "
        "pairs every row of `a` with every row of `b`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "same-axis": Hint(
        "Your result has shape `(n, 1)` or `(1, n)`: you inserted the new axis at the same "
        "place in both inputs. Use `ops.expand_dims(a, 1)` (shape `(n, 1, d)`) and "
        "`ops.expand_dims(b, 0)` (shape `(1, m, d)`).",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "sum-axis": Hint(
        "You summed over the wrong axis. The differences have shape `(n, m, d)`; sum over the "
        "coordinates, the last axis (`axis=-1`), to get `(n, m)`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "shape": Hint(
        "For `a` of shape `(n, d)` and `b` of shape `(m, d)` the result must have shape `(n, m)`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "transposed": Hint(
        "Your result is transposed: entry `[i, j]` must compare row `i` of `a` with row `j` of "
        "`b`. Expand `a` at axis 1 and `b` at axis 0, not the other way round.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "took-sqrt": Hint(
        "You return the distances themselves; the task asks for *squared* distances, so leave "
        "out the square root.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "no-square": Hint(
        "You add up the differences without squaring them, so positive and negative ones "
        "cancel. Square them first: `ops.sum(ops.square(diff), axis=-1)`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "wrong-values": Hint(
        "The shape is right but the numbers are not the squared distances: entry `[i, j]` is "
        "the sum over the coordinates of `(a[i] - b[j]) ** 2`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "any-shape": Hint(
        "Your function works when `a` and `b` have the same shape, but fails for `a` of shape "
        "`(3, 4)` and `b` of shape `(2, 4)`. Nothing in it should depend on `n`, `m` or `d`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
}


def _reference(a, b):
    return ((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=-1)


def check(answer):
    pairwise = answer.pairwise_sq_dists
    a = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0]], dtype="float32")
    b = np.array([[0.0, 0.0], [1.0, 1.0], [3.0, 1.0]], dtype="float32")
    with calling("call-fails"):
        out = pairwise(a, b)
    require(not isinstance(out, np.ndarray), "returns-numpy")
    with calling("shape"):
        got = np.asarray(ops.convert_to_numpy(out))
    require(got.shape != (3,), "no-expand")
    require(got.shape not in ((3, 1), (1, 3)), "same-axis")
    require(got.shape != (3, 2), "sum-axis")
    require(got.shape == (3, 3), "shape")
    expected = _reference(a, b)
    require(not np.allclose(got, expected.T), "transposed")
    require(not np.allclose(got, np.sqrt(expected)), "took-sqrt")
    require(not np.allclose(got, (a[:, None, :] - b[None, :, :]).sum(axis=-1)), "no-square")
    require(np.allclose(got, expected), "wrong-values")
    rng = np.random.default_rng(0)
    tall, short = rng.normal(size=(3, 4)), rng.normal(size=(2, 4))
    tall, short = tall.astype("float32"), short.astype("float32")
    with calling("any-shape"):
        got = np.asarray(ops.convert_to_numpy(pairwise(tall, short)))
    require(got.shape == (3, 2), "any-shape")
    require(np.allclose(got, _reference(tall, short), atol=1e-4), "any-shape")
