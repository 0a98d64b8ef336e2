"""A model that normalizes its own inputs

`build_model(train_features)` returns a model whose first layer is a `Normalization`
adapted on the training features, one mean and variance per feature, followed by `Dense(1)`.
"""

import keras
import numpy as np
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 6

HINTS = {
    "build-fails": Hint(
        "Calling `build_model(train_features)` raised an error; it should create a "
        "`layers.Normalization()`, `adapt` it on `train_features`, and return a model that "
        "starts with it.",
        see="06-data#normalization-needs-adapt",
    ),
    "not-a-model": Hint(
        "`build_model` must *return* the model, a `keras.Model`; check its `return` line.",
        see="06-data#normalization-needs-adapt",
    ),
    "batch-axis": Hint(
        "Your model fails on a batch of 16 rows: its `Normalization` keeps one mean per *row* "
        "of the data it adapted on. `axis` names the axis whose entries get their own "
        "statistics, here the features: keep the default `axis=-1` (unlike NumPy's "
        "`mean(axis=0)`).",
        see="06-data#normalization-needs-adapt",
    ),
    "output-shape": Hint(
        "For raw features of shape `(batch, 3)` the model should output `(batch, 1)`: start "
        "from `keras.Input(shape=(3,))` and end with `layers.Dense(1)`.",
        see="06-data#normalization-needs-adapt",
    ),
    "normalize-inside": Hint(
        "Your model has no `Normalization` layer, so it only works on data normalized the same "
        "way outside it. Put the adapted `layers.Normalization()` inside the model, as its "
        "first layer: then the saved model accepts raw data.",
        see="06-data#mixup-needs-labels",
    ),
    "normalize-first": Hint(
        "The `Normalization` layer should come first, right after the input, so it sees the "
        "raw features.",
        see="06-data#mixup-needs-labels",
    ),
    "forgot-adapt": Hint(
        "Your `Normalization` passes the data through unchanged: it was never adapted (it "
        "starts with mean 0 and variance 1, and nothing warns). Call "
        "`norm.adapt(train_features)` on the layer you put in the model.",
        see="06-data#normalization-needs-adapt",
    ),
    "per-feature": Hint(
        "After your `Normalization` the three columns are not each centred on 0: it uses one "
        "mean for all values (`axis=None`). Keep the default `axis=-1`, one mean and variance "
        "per feature.",
        see="06-data#normalization-needs-adapt",
    ),
    "variance": Hint(
        "After your `Normalization` the columns have mean 0 but not standard deviation 1. "
        "`Normalization` takes the *variance*, the square of the standard deviation; simplest "
        "is to let `adapt(train_features)` compute it.",
        see="06-data#normalization-needs-adapt",
    ),
}


def _numpy(tensor):
    return keras.ops.convert_to_numpy(tensor)


def check(answer):
    rng = np.random.default_rng(6)
    train = rng.normal(loc=[100.0, -5.0, 0.02], scale=[20.0, 0.5, 0.005], size=(200, 3))
    train = train.astype("float32")
    with calling("build-fails"):
        model = answer.build_model(train.copy())
    require(isinstance(model, keras.Model), "not-a-model")
    with calling("batch-axis"):
        out = _numpy(model(train[:16]))
    require(out.shape == (16, 1), "output-shape")
    norms = [layer for layer in model.layers if isinstance(layer, layers.Normalization)]
    require(norms, "normalize-inside")
    norm = norms[0]
    require(norm.input is model.inputs[0], "normalize-first")
    scaled = _numpy(norm(train))
    require(not np.allclose(scaled, train), "forgot-adapt")
    require(np.allclose(scaled.mean(axis=0), 0.0, atol=1e-3), "per-feature")
    require(np.allclose(scaled.std(axis=0), 1.0, atol=1e-2), "variance")
