# backends: torch tensorflow
"""Refuted: Track 2 (docs/tracks/02-backends.md, section "Installing Keras and a backend") said
"You may install several backends side by side in one environment; only the one you select is
imported."

When JAX is installed, `import keras` imports it on every backend: Keras's Orbax checkpoint
callback (keras/src/callbacks/orbax_checkpoint.py) imports `jax` at module level. The page now
says so, and its hidden claim "Keras imports the backend you select and leaves TensorFlow and
PyTorch alone when you did not select them; an installed JAX is imported on every backend."
checks it. This file asserts the old sentence on the backends other than JAX.
"""

import importlib.util
import os
import sys
import tempfile

os.environ["KERAS_HOME"] = tempfile.mkdtemp()  # never read or write the real ~/.keras

import keras  # noqa: E402

assert importlib.util.find_spec("jax") is not None, "this check needs JAX installed"
selected = keras.config.backend()
others = {"jax", "torch", "tensorflow"} - {selected}
loaded = sorted(name for name in others if name in sys.modules)
assert not loaded, f"import keras on {selected} also imported {loaded}"
