# backends: jax
"""Refuted: Track 3 (docs/tracks/03-ops.md, the backend note of "Randomness: `keras.random` and
`SeedGenerator`") said "under `jax.jit` the global generator cannot be used; pass a
`SeedGenerator` explicitly", as if a generator passed into a function you jit yourself gave new
numbers at every call.

A `SeedGenerator` used inside a bare `jax.jit` function is traced once: its state does not
advance, and the compiled function returns the same numbers at every call. Keras carries a
generator's state only through its own compiled steps (`fit`, `evaluate`, `predict`). The page now
says so; its hidden claims "Inside a bare `jax.jit` function the global generator raises a
`ValueError`, and a `SeedGenerator` used there does not advance ..." and "In `fit`, `evaluate` and
`predict`, Keras carries a layer's `SeedGenerator` state through every compiled step ..." check it.
"""

import os
import tempfile

os.environ["KERAS_HOME"] = tempfile.mkdtemp()  # never read or write the real ~/.keras

import jax  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

generator = keras.random.SeedGenerator(seed=5)
draw = jax.jit(lambda: keras.random.normal((2,), seed=generator))
first, second = np.asarray(draw()), np.asarray(draw())
assert not np.array_equal(first, second), f"two calls gave the same numbers: {first}"
