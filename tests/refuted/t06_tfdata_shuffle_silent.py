# backends: jax torch tensorflow
"""Track 6 (docs/tracks/06-data.md, "Framework pipelines") once passed a `tf.data.Dataset` to
`fit` with the default `shuffle=True` and said only the generator and `DataLoader` examples needed
`shuffle=False` to avoid a `UserWarning`. A `tf.data.Dataset` cannot be reordered by `fit` either,
and `fit` warns for it too. The claim check "fit cannot reorder a generator or a tf.data.Dataset:
with the default shuffle=True it ignores the flag and prints a UserWarning" replaced the sentence.
This script asserts the old reading (no warning for tf.data) and must fail.
"""

import warnings

import keras
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(6)
x = rng.normal(size=(64, 3)).astype("float32")
y = rng.normal(size=(64, 1)).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(32)

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(dataset, epochs=1, verbose=0)
shuffle_warnings = [str(w.message) for w in caught if "shuffle" in str(w.message)]
assert not shuffle_warnings, f"fit warned about shuffle for a tf.data.Dataset: {shuffle_warnings}"
