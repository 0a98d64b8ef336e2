# backends: tensorflow
"""Refuted: Track 1 (docs/tracks/01-why-keras.md, section "`tf.keras` and Keras 3 today") said
that in Keras 3 "APIs such as `tf.compat.v1.keras` are gone".

With TensorFlow 2.16 or newer the name still exists and leads to the Keras 3 classes. The page
now names APIs that really are gone (`Model.fit_generator`, `keras.layers.experimental`,
`keras.backend.get_session`), and the hidden claim "The name `tf.compat.v1.keras` still exists,
but it too leads to Keras 3." checks the name.
"""

import os
import tempfile

os.environ["KERAS_HOME"] = tempfile.mkdtemp()  # never read or write the real ~/.keras

import tensorflow as tf  # noqa: E402

assert not hasattr(tf.compat.v1, "keras"), "tf.compat.v1.keras still exists"
