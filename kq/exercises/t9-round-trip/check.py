"""Save, reload, compare

A function that saves a model to a `.keras` file, loads it back, and says whether the copy
predicts what the original does.
"""

import os

import keras
import numpy as np
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 9

HINTS = {
    "not-a-function": Hint(
        "`round_trip` must be a function: `def round_trip(model, path, data, **load_kwargs):`.",
        see="09-saving#load-model-rebuilds-all",
    ),
    "save-weights": Hint(
        "`save_weights` writes only the weights and insists on a `.weights.h5` name; a "
        "round trip through a `.keras` file saves the whole model with `model.save(path)` and "
        "loads it with `keras.saving.load_model(path, **load_kwargs)`.",
        see="09-saving#weights-h5-rule",
    ),
    "round-trip-fails": Hint(
        '`round_trip(model, "plain.keras", data)` raised an error on a plain `Dense` model; '
        "save with `model.save(path)`, load with `keras.saving.load_model(path, **load_kwargs)` "
        "and compare `predict` on `data`.",
        see="09-saving#load-model-rebuilds-all",
    ),
    "uses-path": Hint(
        'After `round_trip(model, "plain.keras", data)` there is no file `plain.keras`: save '
        "to the `path` you are given, not to a name of your own.",
        see="09-saving#load-model-rebuilds-all",
    ),
    "returns-bool": Hint(
        "`round_trip` must return one `True` or `False`, not an array of comparisons: "
        "`np.allclose(...)` gives one answer for all the predictions (wrap it in `bool(...)`).",
        see="09-saving#load-model-rebuilds-all",
    ),
    "reload-differs": Hint(
        "For a plain model `round_trip` returned `False`. Save the whole model with "
        "`model.save(path)` and load it with `keras.saving.load_model`: a config or JSON alone "
        "rebuilds the model with new, random weights.",
        see="09-saving#in-memory-copies",
    ),
    "forward-kwargs": Hint(
        "`round_trip(..., custom_objects={...})` or `round_trip(..., safe_mode=False)` failed: "
        "pass `**load_kwargs` on to `keras.saving.load_model(path, **load_kwargs)`.",
        see="09-saving#custom-objects",
    ),
    "compares-itself": Hint(
        "For a model whose layer forgets a setting in `get_config`, the reloaded copy predicts "
        "differently, yet `round_trip` returned `True`: compare the *original's* predictions "
        "with the *reloaded* model's.",
        see="09-saving#saving-names-not-code",
    ),
    "swallows-error": Hint(
        "For a model with a `Lambda` layer `round_trip` returned `False`, but loading it in "
        "safe mode raises a `ValueError` that the caller needs to see. Do not catch it: let "
        "the error reach the caller, who can decide to pass `safe_mode=False`.",
        see="09-saving#safe-mode-lambda",
    ),
    "unsafe-default": Hint(
        "`round_trip` loaded a `Lambda` model without being asked to: it turns safe mode off "
        "itself. Leave `safe_mode` alone; a caller who trusts the file passes "
        "`safe_mode=False` through `**load_kwargs`.",
        see="09-saving#safe-mode-lambda",
    ),
}


class Forgetful(layers.Layer):
    """A layer whose get_config leaves out its factor, so a reloaded copy multiplies by 1."""

    def __init__(self, factor=1.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor

    def get_config(self):
        return super().get_config()


def _run(call, specific, marker, general):
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - which error it is decides the hint
        failure = exc
    with calling(specific if marker in str(failure) else general):
        raise failure


def check(answer):
    round_trip = answer.round_trip
    require(callable(round_trip) and not isinstance(round_trip, type), "not-a-function")
    data = np.linspace(-1.0, 1.0, 15, dtype="float32").reshape(5, 3)

    plain = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2, activation="tanh")])
    same = _run(
        lambda: round_trip(plain, "plain.keras", data),
        "save-weights",
        ".weights.h5",
        "round-trip-fails",
    )
    require(os.path.exists("plain.keras"), "uses-path")
    require(isinstance(same, (bool, np.bool_)), "returns-bool")
    require(same, "reload-differs")

    forgetful = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2), Forgetful(3.0)])
    with calling("forward-kwargs"):
        kept = round_trip(
            forgetful, "forgetful.keras", data, custom_objects={"Forgetful": Forgetful}
        )
    require(not kept, "compares-itself")

    doubled = keras.Sequential([keras.Input(shape=(3,)), layers.Lambda(lambda t: t * 2.0)])
    try:
        refused = round_trip(doubled, "doubled.keras", data)
    except ValueError:
        refused = None
    require(refused is not False, "swallows-error")
    require(refused is None, "unsafe-default")
    with calling("forward-kwargs"):
        trusted = round_trip(doubled, "doubled.keras", data, safe_mode=False)
    require(trusted, "forward-kwargs")
