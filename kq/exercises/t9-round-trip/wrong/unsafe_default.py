# expect: unsafe-default
# Turns safe mode off inside the helper so that every file loads.
import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    model.save(path)
    load_kwargs.setdefault("safe_mode", False)
    reloaded = keras.saving.load_model(path, **load_kwargs)
    return bool(np.allclose(model.predict(data, verbose=0), reloaded.predict(data, verbose=0)))
