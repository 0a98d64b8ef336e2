"""Unit rows with keras.ops

A function that scales every row of a matrix to length 1, written with `keras.ops` only.
"""

import numpy as np
from keras import ops

from kq.checking import Hint, calling, require

TRACK = 1

HINTS = {
    "call-fails": Hint(
        "Calling `unit_rows` on a 2 × 2 array raised an error. It should take a 2-D array or "
        "tensor and return a tensor of the same shape.",
        see="01-why-keras#keras-ops-one-api",
    ),
    "returns-numpy": Hint(
        "`unit_rows` returned a NumPy array: it computed with NumPy, or turned the result "
        "into NumPy at the end. Use `keras.ops` functions (`ops.sqrt`, `ops.sum`, `ops.square`) "
        "and return the backend tensor they give you; convert only to print.",
        see="01-why-keras#keras-ops-one-api",
    ),
    "shape": Hint(
        "`unit_rows` must return an array with the shape of its input: one scaled row per row.",
        see="01-why-keras#keras-ops-one-api",
    ),
    "no-keepdims": Hint(
        "Each column was divided by one row's length: the lengths have shape `(n,)`, and "
        "broadcasting lines them up with the columns. Pass `keepdims=True` (to `ops.sum` or "
        "`ops.norm`) so they form a column of shape `(n, 1)`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "wrong-axis": Hint(
        "Your function makes every *column* length 1. Sum the squares along `axis=1` (across "
        "each row), not `axis=0`.",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "no-sqrt": Hint(
        "You divide by the sum of squares; a row's length is the *square root* of that sum "
        "(`ops.sqrt`).",
        see="01-why-keras#keras-ops-one-api",
    ),
    "whole-array": Hint(
        "Every entry was divided by the length of the whole array. Compute one length per "
        "row: reduce with `axis=1` (or `ops.norm(x, axis=1, keepdims=True)`).",
        see="03-ops#ops-broadcast-like-numpy",
    ),
    "not-unit": Hint(
        "The rows you return do not have length 1: divide each row by the square root of the "
        "sum of its squared entries.",
        see="01-why-keras#keras-ops-one-api",
    ),
    "any-shape": Hint(
        "`unit_rows` works on a 2 × 2 array but not on a 3 × 2 one; nothing in it should depend "
        "on the number of rows or columns.",
        see="01-why-keras#keras-ops-one-api",
    ),
}


def _numpy(value):
    return np.asarray(ops.convert_to_numpy(value))


def check(answer):
    unit_rows = answer.unit_rows
    square = np.array([[3.0, 4.0], [0.0, 2.0]], dtype="float32")
    with calling("call-fails"):
        out = unit_rows(square)
    require(not isinstance(out, np.ndarray), "returns-numpy")
    with calling("shape"):
        got = _numpy(out)
    require(got.shape == square.shape, "shape")
    rows = np.sqrt((square**2).sum(axis=1))
    columns = np.sqrt((square**2).sum(axis=0))
    require(not np.allclose(got, square / rows[None, :], atol=1e-5), "no-keepdims")
    require(not np.allclose(got, square / columns[None, :], atol=1e-5), "wrong-axis")
    require(not np.allclose(got, square / (square**2).sum(axis=1, keepdims=True)), "no-sqrt")
    require(not np.allclose(got, square / np.sqrt((square**2).sum()), atol=1e-5), "whole-array")
    require(np.allclose(got, square / rows[:, None], atol=1e-5), "not-unit")
    tall = np.array([[3.0, 4.0], [6.0, 8.0], [0.0, 2.0]], dtype="float32")
    with calling("any-shape"):
        got = _numpy(unit_rows(ops.convert_to_tensor(tall)))
    expected = [[0.6, 0.8], [0.6, 0.8], [0.0, 1.0]]
    require(got.shape == (3, 2) and np.allclose(got, expected, atol=1e-5), "any-shape")
