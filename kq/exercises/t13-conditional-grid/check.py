"""A conditional search space for GridSearch

A build function where the hidden layer's size is a hyperparameter only for the "mlp" kind.
"""

import keras
import keras_tuner as kt
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 13

HINTS = {
    "build-fails": Hint(
        "`build_conditional(hp)` raised an error on a fresh `kt.HyperParameters()`. It takes "
        "`hp`, registers what it uses, and returns a compiled model for inputs of 8 features.",
        see="13-tuning#model-building-function",
    ),
    "returns-none": Hint(
        "`build_conditional` returned `None`: end it with `return model`; the tuner trains what "
        "the function returns.",
        see="13-tuning#model-building-function",
    ),
    "not-a-model": Hint(
        "`build_conditional` must return a Keras model, such as a `keras.Sequential`.",
        see="13-tuning#model-building-function",
    ),
    "not-compiled": Hint(
        "The model is not compiled: a tuner calls `fit` on what your function returns, so call "
        '`model.compile(optimizer="adam", loss="binary_crossentropy")` before returning it.',
        see="13-tuning#model-building-function",
    ),
    "kind-choice": Hint(
        'Register the model\'s kind as `hp.Choice("kind", ["linear", "mlp"])`: one '
        "hyperparameter named `kind` with those two values, `linear` first.",
        see="13-tuning#describing-search-space",
    ),
    "units-unconditional": Hint(
        "For the linear kind your function still registers `units`, with no condition: the grid "
        "is then 2 × 3 = 6 trials, three of them the same linear model. Register `units` only "
        'in the `"mlp"` branch, inside `with hp.conditional_scope("kind", ["mlp"]):`.',
        see="13-tuning#conditional-hyperparameters",
    ),
    "linear-has-hidden": Hint(
        'The `"linear"` model has a hidden layer: for that kind the model is just the '
        '`Dense(1, activation="sigmoid")` output.',
        see="13-tuning#conditional-hyperparameters",
    ),
    "no-units": Hint(
        'For the `"mlp"` kind your function registers no `units`: add the hidden layer with '
        '`hp.Choice("units", [8, 16, 32])` units in that branch.',
        see="13-tuning#conditional-hyperparameters",
    ),
    "units-values": Hint(
        'The hidden size must be `hp.Choice("units", [8, 16, 32])`: exactly those three values '
        "(an `hp.Int` range has other values, and a grid tries each of them).",
        see="13-tuning#describing-search-space",
    ),
    "plain-if": Hint(
        "`units` is registered behind a plain `if`, so the search space does not know it "
        "depends on `kind`. `GridSearch` (KerasTuner 1.4.8) then stops with `KeyError: "
        "'units'` when it meets it after the linear trial. Register it inside "
        '`with hp.conditional_scope("kind", ["mlp"]):`.',
        see="13-tuning#conditional-hyperparameters",
    ),
    "wrong-condition": Hint(
        '`units` must depend on `kind` being `"mlp"`: `hp.conditional_scope("kind", ["mlp"])` '
        '(or `parent_name="kind", parent_values=["mlp"]`).',
        see="13-tuning#conditional-hyperparameters",
    ),
    "scope-without-if": Hint(
        "For the linear kind your code got `None` for `units`: inside "
        '`hp.conditional_scope("kind", ["mlp"])` a hyperparameter is inactive, and returns '
        '`None`, while `kind` is not `"mlp"`. The scope only declares the condition; add the '
        'hidden layer behind `if kind == "mlp":` as well.',
        see="13-tuning#conditional-hyperparameters",
    ),
    "mlp-missing-hidden": Hint(
        'The `"mlp"` model should have a hidden `Dense` with the chosen number of units, then '
        'the `Dense(1, activation="sigmoid")` output.',
        see="13-tuning#conditional-hyperparameters",
    ),
}


def _dense_units(model):
    return [layer.units for layer in model.layers if isinstance(layer, layers.Dense)]


def _inactive_units(hp):
    """Whether `units` is registered but inactive: the learner's code then got `None` for it."""
    return any(p.name == "units" for p in hp.space) and not hp.is_active("units")


def _built(build, hp, inactive_hint):
    try:
        model = build(hp)
    except Exception as exc:  # noqa: BLE001 - an inactive `units` tells which mistake it is
        with calling(inactive_hint if _inactive_units(hp) else "build-fails"):
            raise
    require(model is not None, "returns-none")
    require(isinstance(model, keras.Model), "not-a-model")
    require(model.compiled, "not-compiled")
    return model, {p.name: p for p in hp.space}


def check(answer):
    build = answer.build_conditional
    hp = kt.HyperParameters()
    linear, space = _built(build, hp, "scope-without-if")
    kind = space.get("kind")
    require(
        isinstance(kind, kt.engine.hyperparameters.Choice)
        and list(kind.values) == ["linear", "mlp"],
        "kind-choice",
    )
    require(hp.get("kind") == "linear", "kind-choice")
    require(not ("units" in space and not space["units"].conditions), "units-unconditional")
    require(_dense_units(linear) == [1], "linear-has-hidden")

    hp = kt.HyperParameters()
    hp.Choice("kind", ["linear", "mlp"], default="mlp")
    mlp, space = _built(build, hp, "wrong-condition")
    require("units" in space, "no-units")
    units = space["units"]
    require(
        isinstance(units, kt.engine.hyperparameters.Choice) and list(units.values) == [8, 16, 32],
        "units-values",
    )
    require(units.conditions, "plain-if")
    require(
        len(units.conditions) == 1
        and units.conditions[0].name == "kind"
        and list(units.conditions[0].values) == ["mlp"],
        "wrong-condition",
    )
    require(_dense_units(mlp) == [8, 1], "mlp-missing-hidden")
