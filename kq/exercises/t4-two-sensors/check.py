"""Two sensors, one sum

`build_sensors()` returns a Functional model: inputs `left` and `right` of shape (6,), a
`Dense(4, activation="relu")` per branch, `Add`, then `Dense(1)`.
"""

import keras
import numpy as np
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 4

HINTS = {
    "build-fails": Hint(
        "Calling `build_sensors()` raised an error. Build the graph from two `keras.Input` "
        "tensors, call layers on them, and return `keras.Model(inputs=[left, right], "
        'outputs=..., name="sensors")`.',
        see="04-models#functional-api",
    ),
    "not-a-model": Hint(
        "`build_sensors()` must *return* the model, a `keras.Model`; check its `return` line.",
        see="04-models#functional-api",
    ),
    "two-inputs": Hint(
        "The model needs two inputs: pass both `keras.Input` tensors to "
        "`keras.Model(inputs=[left, right], ...)`.",
        see="04-models#several-inputs",
    ),
    "input-shape": Hint(
        "Each input should have shape `(None, 6)`: `keras.Input(shape=(6,))` describes one "
        "reading. Leave the batch size out; Keras adds it as `None`.",
        see="04-models#input-shape-is-one-sample",
    ),
    "input-names": Hint(
        'The inputs must be named `"left"` and `"right"`, in that order: '
        '`keras.Input(shape=(6,), name="left")`, and `inputs=[left, right]`.',
        see="04-models#several-inputs",
    ),
    "concatenate": Hint(
        "Your model joins the branches with `Concatenate`, which puts them side by side "
        "(4 + 4 = 8 numbers). The task asks for their element-wise sum: `layers.Add()`.",
        see="04-models#add-needs-equal-shapes",
    ),
    "no-add": Hint(
        "Your model has no `Add` layer: sum the two branches with `layers.Add()([a, b])`.",
        see="04-models#add-needs-equal-shapes",
    ),
    "add-before-dense": Hint(
        "Your `Add` sums the raw inputs. Send each input through its own "
        '`Dense(4, activation="relu")` first, and add the two results.',
        see="04-models#functional-api",
    ),
    "shared-branch": Hint(
        "Both inputs go through the same `Dense` layer, so they share its weights. Create "
        "two `Dense(4)` layers, one per sensor.",
        see="04-models#shared-layer-shares-weights",
    ),
    "output-unit": Hint(
        "The model should end in one number per reading, shape `(None, 1)`: finish with "
        "`layers.Dense(1)` after the `Add`.",
        see="04-models#functional-api",
    ),
    "relu": Hint(
        "The model's outputs do not match two ReLU branches summed: give each branch's layer "
        '`activation="relu"` (without it, `Dense` is linear).',
        see="04-models#layers-build-on-first-call",
    ),
    "model-name": Hint(
        'Name the model: `keras.Model(..., name="sensors")`.',
        see="04-models#functional-api",
    ),
}


def _numpy(tensor):
    return keras.ops.convert_to_numpy(tensor)


def check(answer):
    with calling("build-fails"):
        model = answer.build_sensors()
    require(isinstance(model, keras.Model), "not-a-model")
    require(len(model.inputs) == 2, "two-inputs")
    require(all(tuple(t.shape) == (None, 6) for t in model.inputs), "input-shape")
    require([t.name for t in model.inputs] == ["left", "right"], "input-names")
    require(not any(isinstance(layer, layers.Concatenate) for layer in model.layers), "concatenate")
    adds = [layer for layer in model.layers if isinstance(layer, layers.Add)]
    require(len(adds) == 1, "no-add")
    require(all(tuple(t.shape) == (None, 4) for t in adds[0].input), "add-before-dense")
    branches = [
        layer for layer in model.layers if isinstance(layer, layers.Dense) and layer.units == 4
    ]
    require(len(branches) == 2, "shared-branch")
    require(tuple(model.output.shape) == (None, 1), "output-unit")
    # The model's output, recomputed with NumPy from its own weights.
    rng = np.random.default_rng(4)
    left = rng.normal(size=(8, 6)).astype("float32")
    right = rng.normal(size=(8, 6)).astype("float32")
    summed = 0
    for layer in branches:
        kernel, bias = (_numpy(w) for w in layer.weights)
        data = left if layer.input is model.inputs[0] else right
        summed = summed + np.maximum(data @ kernel + bias, 0)
    head = [layer for layer in model.layers if isinstance(layer, layers.Dense) and layer.units == 1]
    kernel, bias = (_numpy(w) for w in head[-1].weights)
    expected = summed @ kernel + bias
    got = _numpy(model({"left": left, "right": right}))
    require(np.allclose(got, expected, atol=1e-5), "relu")
    require(model.name == "sensors", "model-name")
