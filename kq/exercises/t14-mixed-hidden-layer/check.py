"""Mixed precision for one layer

A model whose hidden layer computes in bfloat16, without touching the global dtype policy.
"""

import keras
import numpy as np

from kq.checking import Hint, calling, require

TRACK = 14

HINTS = {
    "make-model-fails": Hint(
        "`make_model()` raised an error. It takes no arguments and returns a model built from "
        '`keras.Input(shape=(16,))`, a `Dense(64, activation="relu", name="hidden")` and a '
        '`Dense(1, activation="sigmoid", name="out")`.',
        see="14-performance#mixed-precision-policies",
    ),
    "layer-names": Hint(
        'The check finds the layers by name: call the hidden `Dense` `name="hidden"` and the '
        'output `Dense` `name="out"`.',
        see="14-performance#mixed-precision-policies",
    ),
    "global-policy": Hint(
        "After `make_model()` the global policy is no longer `float32`: "
        "`keras.config.set_dtype_policy` changes it for every layer created later in the "
        'program. Leave the global policy alone and pass `dtype="mixed_bfloat16"` to the '
        "hidden layer only.",
        see="14-performance#mixed-precision-policies",
    ),
    "hidden-not-mixed": Hint(
        'The hidden layer still computes in float32: give that `Dense` `dtype="mixed_bfloat16"`; '
        "a layer's `dtype=` sets its policy.",
        see="14-performance#mixed-precision-policies",
    ),
    "float16-not-bfloat16": Hint(
        'The hidden layer computes in float16: that is `"mixed_float16"`, which needs loss '
        'scaling. The task asks for `"mixed_bfloat16"`.',
        see="14-performance#mixed-precision-policies",
    ),
    "variables-not-float32": Hint(
        "The hidden layer keeps its kernel in bfloat16, so small updates are rounded away: "
        '`dtype="bfloat16"` makes variables *and* computation 16-bit. Use the policy '
        '`"mixed_bfloat16"`, which computes in bfloat16 and keeps float32 variables.',
        see="14-performance#mixed-precision-policies",
    ),
    "output-not-float32": Hint(
        "The model's predictions are not float32: the output layer computes in 16 bits too. "
        'Keep the last layer in full precision with `dtype="float32"`.',
        see="14-performance#mixed-precision-policies",
    ),
}


def check(answer):
    make_model = answer.make_model
    keras.config.set_dtype_policy("float32")  # a policy left over from an earlier run
    try:
        _check(make_model)
    finally:
        keras.config.set_dtype_policy("float32")


def _check(make_model):
    with calling("make-model-fails"):
        model = make_model()
    require(keras.config.dtype_policy().name == "float32", "global-policy")
    names = [layer.name for layer in model.layers]
    require("hidden" in names and "out" in names, "layer-names")
    hidden = model.get_layer("hidden")
    require(hidden.compute_dtype != "float32", "hidden-not-mixed")
    require(hidden.compute_dtype != "float16", "float16-not-bfloat16")
    require(hidden.variable_dtype == "float32", "variables-not-float32")
    require(hidden.compute_dtype == "bfloat16", "hidden-not-mixed")
    x = np.random.default_rng(0).normal(size=(4, 16)).astype("float32")
    with calling("make-model-fails"):
        predictions = model(x)
    require(model.get_layer("out").compute_dtype == "float32", "output-not-float32")
    require(keras.backend.standardize_dtype(predictions.dtype) == "float32", "output-not-float32")
    predictions = keras.ops.convert_to_numpy(predictions)
    in_range = np.all((predictions > 0) & (predictions < 1))
    require(predictions.shape == (4, 1) and in_range, "make-model-fails")
