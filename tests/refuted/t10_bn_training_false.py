# backends: jax torch tensorflow
"""Track 10 (docs/tracks/10-convnets.md), old sentence: "Call it with `training=False`, so its
batch normalization stays in inference mode even if you unfreeze it later", and later "The
batch-norm statistics did not move ... because `base` is called with `training=False`".

Refuted: in Keras 3 a functional model passes its own `training` value to every layer it calls,
so `fit`'s `training=True` replaces the `False` written at the call, and an unfrozen batch-norm
layer moves its moving statistics. The claim checks of section "Batch norm while fine-tuning"
prove the corrected sentences (frozen batch norm, or a wrapper whose `call` passes
`training=False`).
"""

import keras
import numpy as np
from keras import layers

rng = np.random.default_rng(0)
images = rng.normal(loc=2.0, scale=1.0, size=(64, 8, 8, 3)).astype("float32")
labels = rng.integers(0, 2, size=64)
keras.utils.set_random_seed(0)

base = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 3)),
        layers.Conv2D(4, 3, name="conv"),
        layers.BatchNormalization(name="bn"),
        layers.GlobalAveragePooling2D(),
    ],
    name="base",
)
inputs = keras.Input(shape=(8, 8, 3))
outputs = layers.Dense(2, activation="softmax")(base(inputs, training=False))
model = keras.Model(inputs, outputs)

base.trainable = True  # unfreeze the base, batch norm included
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
before = keras.ops.convert_to_numpy(base.get_layer("bn").moving_mean).copy()
model.fit(images, labels, epochs=1, batch_size=16, verbose=0)
after = keras.ops.convert_to_numpy(base.get_layer("bn").moving_mean)

assert np.array_equal(before, after), (
    "the batch-norm statistics moved although the base was called with training=False"
)
