# expect: uses-path
# Saves to and loads from a file name of its own instead of the path it is given.
import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    model.save("model.keras")
    reloaded = keras.saving.load_model("model.keras", **load_kwargs)
    return bool(np.allclose(model.predict(data, verbose=0), reloaded.predict(data, verbose=0)))
