# backends: jax torch tensorflow
"""Track 4 (docs/tracks/04-models.md, "Looking inside a model") once said that a weight's path
"is how Keras names weights when it saves a model". It is not: the `.keras` file files each layer
by its class and rank among layers of that class (`layers/dense`, `layers/dense_1`) and each weight
by a number (`vars/0`), not by the path (`regressor/hidden/kernel`) nor the layer name. The page's
claim check "A saved .keras file files each layer by its class and rank (layers/dense,
layers/dense_1) and each weight by a number, not by their paths or your layer names" replaced the
sentence. This script asserts the old sentence and must fail.
"""

import io
import os
import tempfile
import zipfile

import h5py
import keras

model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        keras.layers.Dense(32, activation="relu", name="hidden"),
        keras.layers.Dense(1, name="out"),
    ],
    name="regressor",
)
path = os.path.join(tempfile.mkdtemp(), "regressor.keras")
model.save(path)
with zipfile.ZipFile(path) as archive:
    weights = h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r")
    names = []
    weights.visit(names.append)

for weight in model.weights:
    assert any(weight.path in name for name in names), (
        f"the saved file does not name {weight.path!r}; it holds {names}"
    )
