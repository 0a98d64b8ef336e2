"""A new head on a frozen base

A function that freezes a trained base and puts a new classifier on top of it.
"""

import keras
import numpy as np
from keras import initializers, layers, ops

from kq.checking import Hint, calling, require

TRACK = 10

HINTS = {
    "not-callable": Hint(
        "`with_new_head` must be a function: `def with_new_head(base, num_classes):`.",
        see="10-convnets#new-head-frozen-base",
    ),
    "fails": Hint(
        "Calling `with_new_head(base, 3)` raised an error. Start from "
        "`inputs = keras.Input(shape=base.input_shape[1:])`, call `base(inputs)`, put a "
        '`layers.Dense(num_classes, activation="softmax")` on the result, and return '
        "`keras.Model(inputs, outputs)`.",
        see="10-convnets#new-head-frozen-base",
    ),
    "not-a-model": Hint(
        "Return the new model, a `keras.Model` from images to class probabilities, not a "
        "layer or a tensor.",
        see="10-convnets#new-head-frozen-base",
    ),
    "base-not-frozen": Hint(
        "The base is still trainable, so `fit` would change the weights it learned. Set "
        "`base.trainable = False`, which freezes every layer inside it.",
        see="10-convnets#new-head-frozen-base",
    ),
    "head-frozen": Hint(
        "Your model has nothing to train: the new head is frozen too. Freeze only the base "
        "(`base.trainable = False`), not the model you return.",
        see="10-convnets#new-head-frozen-base",
    ),
    "not-shared": Hint(
        "Your model does not use the trained base's weights: it must call the `base` it was "
        "given, not a new or cloned copy of it.",
        see="10-convnets#new-head-frozen-base",
    ),
    "num-classes": Hint(
        "With `num_classes=3` the model should give 3 numbers per image: use "
        "`layers.Dense(num_classes, ...)`, not a fixed number of units.",
        see="10-convnets#new-head-frozen-base",
    ),
    "not-probabilities": Hint(
        "Each image's outputs should be class probabilities that sum to 1: give the new "
        '`Dense` head `activation="softmax"`.',
        see="10-convnets#new-head-frozen-base",
    ),
    "input-shape": Hint(
        "On a base that takes 12 × 12 images with one channel your function fails or builds "
        "the wrong input: the image shape is written into the code. Read it from the base: "
        "`keras.Input(shape=base.input_shape[1:])`.",
        see="10-convnets#conv-shapes",
    ),
}


_SMALL = initializers.Constant(0.05)  # small features: the head's softmax does not saturate


def _base(shape):
    return keras.Sequential(
        [
            keras.Input(shape=shape),
            layers.Conv2D(4, 3, padding="same", activation="relu", kernel_initializer=_SMALL),
            layers.BatchNormalization(),
            layers.MaxPooling2D(),
            layers.GlobalAveragePooling2D(),
        ],
        name="base",
    )


def _run(model, x):
    if keras.backend.backend() == "jax":  # one compile of the whole model beats many small ones
        return np.asarray(model.predict(x, verbose=0))
    return ops.convert_to_numpy(model(x))


def check(answer):
    fn = answer.with_new_head
    require(callable(fn) and not isinstance(fn, type), "not-callable")
    base = _base((16, 16, 3))
    with calling("fails"):
        model = fn(base, 3)
    require(isinstance(model, keras.Model), "not-a-model")
    require(not base.trainable, "base-not-frozen")
    require(model.trainable_weights, "head-frozen")
    images = np.random.default_rng(0).uniform(size=(2, 16, 16, 3)).astype("float32")
    with calling("fails"):
        before = _run(model, images)
    for weight in base.weights:  # zero the base: a model built on it must notice
        weight.assign(np.zeros(tuple(weight.shape), dtype="float32"))
    with calling("fails"):
        after = _run(model, images)
    require(not np.allclose(before, after), "not-shared")
    require(before.shape == (2, 3), "num-classes")
    require(
        np.allclose(before.sum(axis=1), 1.0, atol=1e-5) and before.min() >= 0, "not-probabilities"
    )

    gray = _base((12, 12, 1))
    with calling("input-shape"):
        small = fn(gray, 2)
        out = _run(small, np.zeros((1, 12, 12, 1), dtype="float32"))
    require(out.shape == (1, 2), "input-shape")
