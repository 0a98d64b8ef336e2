"""Unfreeze a base but keep its batch norm frozen

A function that makes a whole model trainable again, except its BatchNormalization layers.
"""

import keras
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 10

HINTS = {
    "not-callable": Hint(
        "`unfreeze_except_batch_norm` must be a function that takes the model: "
        "`def unfreeze_except_batch_norm(model):`.",
        see="10-convnets#bn-fine-tuning",
    ),
    "fails": Hint(
        "Calling `unfreeze_except_batch_norm(model)` raised an error. Walk `model.layers`, "
        "and set `trainable` on the model and on the layers; nothing needs to be called.",
        see="10-convnets#bn-fine-tuning",
    ),
    "still-frozen": Hint(
        "The convolutions of the frozen base are still frozen after your function: set "
        "`model.trainable = True` first, which unfreezes every layer inside the model.",
        see="10-convnets#fine-tune-recompile",
    ),
    "froze-weights-not-layer": Hint(
        "You froze the batch-norm layers' variables, not the layers: a layer whose own "
        "`trainable` is still `True` runs in training mode when `fit` trains it, and its "
        "moving statistics move. Set `layer.trainable = False` on each `BatchNormalization` "
        "layer.",
        see="10-convnets#bn-trainable-false-inference",
    ),
    "bn-trainable": Hint(
        "After your function the `BatchNormalization` layers are trainable. Setting "
        "`model.trainable = True` sets every layer inside it, batch norm included, so do it "
        "first, then set `trainable = False` on each batch-norm layer.",
        see="10-convnets#bn-fine-tuning",
    ),
    "others-frozen": Hint(
        "Only the `BatchNormalization` layers should stay frozen, but the model itself is still "
        "frozen: while `model.trainable` is `False`, `model.trainable_weights` is empty, "
        "whatever its layers say. Unfreeze the whole model with `model.trainable = True` "
        "rather than layer by layer, then freeze the batch-norm layers.",
        see="10-convnets#bn-fine-tuning",
    ),
    "by-name": Hint(
        "On a model whose batch-norm layers are named `norm_1` and `norm_2`, your function "
        "froze none of them: it looks at names. Test the type instead, with "
        "`isinstance(layer, layers.BatchNormalization)`.",
        see="10-convnets#bn-fine-tuning",
    ),
    "count": Hint(
        "Return how many `BatchNormalization` layers you froze (an `int`): 2 for a model that "
        "holds two of them.",
        see="10-convnets#bn-fine-tuning",
    ),
}


def _base(names=(None, None)):
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 3)),
            layers.Conv2D(4, 3, padding="same", activation="relu", kernel_initializer="ones"),
            layers.BatchNormalization(name=names[0]),
            layers.MaxPooling2D(),
            layers.Conv2D(6, 3, padding="same", activation="relu", kernel_initializer="ones"),
            layers.BatchNormalization(name=names[1]),
            layers.GlobalAveragePooling2D(),
            layers.Dense(2, kernel_initializer="ones"),
        ]
    )


def _batch_norms(model):
    return [layer for layer in model.layers if isinstance(layer, layers.BatchNormalization)]


def check(answer):
    fn = answer.unfreeze_except_batch_norm
    require(callable(fn) and not isinstance(fn, type), "not-callable")
    model = _base()
    model.trainable = False  # as after training a head on the frozen base
    with calling("fails"):
        frozen = fn(model)
    convs = [layer for layer in model.layers if isinstance(layer, layers.Conv2D)]
    require(all(layer.trainable for layer in convs), "still-frozen")
    norms = _batch_norms(model)
    require(
        not any(layer.trainable and not layer.trainable_weights for layer in norms),
        "froze-weights-not-layer",
    )
    require(not any(layer.trainable for layer in norms), "bn-trainable")
    require(model.trainable and model.layers[-1].trainable, "others-frozen")
    require(isinstance(frozen, int) and frozen == 2, "count")

    named = _base(("norm_1", "norm_2"))
    named.trainable = False
    with calling("fails"):
        fn(named)
    require(not any(layer.trainable for layer in _batch_norms(named)), "by-name")
