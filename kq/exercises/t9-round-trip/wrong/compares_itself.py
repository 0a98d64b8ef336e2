# expect: compares-itself
# Loads the copy but then compares the original with itself.
import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    model.save(path)
    reloaded = keras.saving.load_model(path, **load_kwargs)
    before = model.predict(data, verbose=0)
    after = model.predict(data, verbose=0)
    return bool(np.allclose(before, after)) and reloaded is not None
