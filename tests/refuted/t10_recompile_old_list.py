# backends: jax torch
"""Track 10 (docs/tracks/10-convnets.md), old sentences: "`compile` captures which weights are
trainable, so a change made afterwards only takes effect at the next `compile`" and (quiz
t10-recompile) "Change `trainable` after compiling and the next `fit` still uses the old list".

This holds on TensorFlow only, so this file names JAX and PyTorch. Here a layer is frozen after
a first `fit`, without a recompile, and the old sentence says the next `fit` runs and still
updates it. On PyTorch the freeze takes effect at once (the kernel does not change); on JAX the
next `fit` raises a `ValueError` instead of running. The backend note and the per-backend claim
checks of section "Fine-tuning: unfreeze a little, learn slowly" state what really happens.
"""

import keras
import numpy as np
from keras import layers

rng = np.random.default_rng(0)
x = rng.normal(size=(32, 4)).astype("float32")
y = rng.normal(size=(32, 1)).astype("float32")

inputs = keras.Input(shape=(4,))
first = layers.Dense(3, kernel_initializer="ones", name="first")
model = keras.Model(inputs, layers.Dense(1, kernel_initializer="ones")(first(inputs)))
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y, epochs=1, shuffle=False, verbose=0)

first.trainable = False  # changed after compile and fit, no recompile
before = keras.ops.convert_to_numpy(first.kernel).copy()
try:
    model.fit(x, y, epochs=1, shuffle=False, verbose=0)
    ran = True
except ValueError as error:
    ran = False
    reason = str(error).splitlines()[0][:120]

assert ran, f"the next fit did not run with the old list; it raised ValueError: {reason}"
after = keras.ops.convert_to_numpy(first.kernel)
assert not np.array_equal(before, after), (
    "the next fit did not use the old list: the frozen layer stopped learning at once"
)
