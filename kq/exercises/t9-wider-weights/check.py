"""Weights for a wider model

Edit a weights file with `KerasFileEditor` so that a model with a wider hidden layer predicts
exactly what the narrow one did.
"""

import os

import keras
import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 9

HINTS = {
    "not-a-function": Hint(
        "`widen` must be a function: `def widen(model, wider, path):`.",
        see="09-saving#keras-file-editor",
    ),
    "weights-suffix": Hint(
        "A weights file's name must end in `.weights.h5` (`save_weights` and "
        "`KerasFileEditor.save` refuse anything else): save the narrow model's weights to, "
        'say, `"narrow.weights.h5"`.',
        see="09-saving#weights-h5-rule",
    ),
    "by-structure": Hint(
        "The file has no `layers/hidden`: a weights file stores layers by type and position "
        "(`layers/dense`, `layers/dense_1`), not by the names you gave them.",
        see="09-saving#weights-matched-by-structure",
    ),
    "widen-fails": Hint(
        "`widen(model, wider, path)` raised an error; save `model`'s weights, open the file "
        "with `keras.saving.KerasFileEditor`, replace both layers with `add_object` and "
        "`save(path)`.",
        see="09-saving#weights-matched-by-structure",
    ),
    "uses-path": Hint(
        'After `widen(model, wider, "grown.weights.h5")` there is no file `grown.weights.h5`: '
        "save the edited weights to the `path` you are given.",
        see="09-saving#weights-h5-rule",
    ),
    "variable-numbers": Hint(
        '`wider.load_weights(path)` found no variable `"0"`: in the file a layer\'s variables '
        'are numbered, not named. Write `{"0": kernel, "1": bias}`.',
        see="09-saving#weights-matched-by-structure",
    ),
    "shapes": Hint(
        "`wider.load_weights(path)` refused a shape: the wider model needs a hidden kernel "
        "(4, 16), bias (16,), and an output kernel (16, 1), bias (1,). Stack the zero rows "
        "under the old output kernel: `np.concatenate([out_kernel, zeros], axis=0)`.",
        see="09-saving#weights-matched-by-structure",
    ),
    "load-fails": Hint(
        "`wider.load_weights(path)` failed on your file; it must hold `layers/dense` with the "
        "(4, 16) kernel and (16,) bias and `layers/dense_1` with the (16, 1) kernel and bias.",
        see="09-saving#weights-matched-by-structure",
    ),
    "outgoing-zero": Hint(
        "The wider model does not predict what the narrow one did: the eight new hidden units "
        "still feed the output. Give them *outgoing* weights of zero: rows 8 to 15 of the "
        "output kernel.",
        see="09-saving#weights-matched-by-structure",
    ),
    "same-predictions": Hint(
        "The wider model does not predict what the narrow one did: the first eight hidden "
        "units need the narrow model's kernel and bias, and the output layer its bias.",
        see="09-saving#weights-matched-by-structure",
    ),
    "dead-units": Hint(
        "The new hidden units have zero incoming weights and bias, so they output "
        "`relu(0) = 0`, get no gradient and never learn. Keep `wider`'s own random incoming "
        "weights for them; the zero outgoing weights already cancel them.",
        see="09-saving#weights-matched-by-structure",
    ),
}


def _model(units):
    return keras.Sequential(
        [
            keras.Input(shape=(4,)),
            layers.Dense(units, activation="relu", name="hidden"),
            layers.Dense(1, name="out"),
        ]
    )


def _run(call, markers, general):
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - which error it is decides the hint
        failure = exc
    hint = next((h for marker, h in markers if marker in str(failure)), general)
    with calling(hint):
        raise failure


def check(answer):
    widen = answer.widen
    require(callable(widen) and not isinstance(widen, type), "not-a-function")
    model, wider = _model(8), _model(16)
    rng = np.random.default_rng(3)
    model.set_weights([w + rng.normal(size=w.shape).astype("float32") for w in model.get_weights()])

    _run(
        lambda: widen(model, wider, "grown.weights.h5"),
        [(".weights.h5", "weights-suffix"), ("layers/hidden", "by-structure")],
        "widen-fails",
    )
    require(os.path.exists("grown.weights.h5"), "uses-path")
    grown = _model(16)
    _run(
        lambda: grown.load_weights("grown.weights.h5"),
        [("'0'", "variable-numbers"), ("shape", "shapes")],
        "load-fails",
    )
    x = np.linspace(-2.0, 2.0, 40, dtype="float32").reshape(10, 4)
    expected = ops.convert_to_numpy(model(x))
    got = ops.convert_to_numpy(grown(x))
    out_kernel = ops.convert_to_numpy(grown.layers[1].kernel)
    if not np.allclose(expected, got, atol=1e-5):
        require(np.allclose(out_kernel[8:], 0.0), "outgoing-zero")
        require(False, "same-predictions")
    incoming = ops.convert_to_numpy(grown.layers[0].kernel)[:, 8:]
    require(not np.allclose(incoming, 0.0), "dead-units")
