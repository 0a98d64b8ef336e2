# backends: jax torch tensorflow
"""Refuted: the layers that refuse XLA are "the lookup and hashing preprocessing layers such as
`StringLookup` and `Hashing`" (docs/tracks/14-performance.md, "XLA compilation").

Six image augmentation layers set `supports_jit = False` too, so one `RandomRotation` turns
`jit_compile="auto"` off. The page now names them, checked by the claim "RandomRotation,
RandomZoom, RandomTranslation, RandomCrop, RandomShear and RandomPerspective all set
supports_jit to False."
"""

import keras

rotation = keras.layers.RandomRotation(0.1, name="rotation")
assert rotation.supports_jit, "RandomRotation refuses XLA although it is no lookup or hashing layer"
