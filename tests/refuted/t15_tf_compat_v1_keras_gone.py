# backends: jax torch tensorflow
"""Refuted: "`tf.compat.v1.keras` is gone." (docs/tracks/15-export.md, "`tf.keras` today").

With TensorFlow 2.21 and Keras 3, `tf.compat.v1.keras` still resolves, to the same Keras 3 view as
`tf.keras`; only its TensorFlow 1 helpers (such as `backend.get_session`) are gone. The page now
says so, checked by the claim "`tf.compat.v1.keras` resolves to the same Keras 3 view; only the
TensorFlow 1 helpers (such as `backend.get_session`) are gone."
"""

import tensorflow as tf

try:
    dense = tf.compat.v1.keras.layers.Dense
    gone = False
except (AttributeError, ImportError):
    gone = True

assert gone, f"tf.compat.v1.keras is not gone: its Dense is {dense.__module__}.{dense.__name__}"
