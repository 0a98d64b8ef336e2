# backends: jax torch tensorflow
"""Track 9 (docs/tracks/09-saving.md), old sentences: a `.keras` file "always holds the same three
members" and (quiz t9-keras-file-members) "A `.keras` file is a zip archive of exactly three
parts".

Refuted: layers that save files add them under `assets/`; an adapted `StringLookup` stores its
vocabulary as `assets/.../vocabulary.txt`. The claim check after the file listing of section
"A model worth saving" proves the corrected sentence.
"""

import os
import tempfile
import zipfile

import keras
import numpy as np
from keras import layers

lookup = layers.StringLookup(name="words")
lookup.adapt(np.array(["red", "green", "blue", "red"]))
model = keras.Sequential([keras.Input(shape=(1,), dtype="string"), lookup])
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "vocabulary.keras")
    model.save(path)
    with zipfile.ZipFile(path) as archive:
        members = sorted(archive.namelist())

assert members == ["config.json", "metadata.json", "model.weights.h5"], (
    f"the .keras file holds more than the three members: {members}"
)
