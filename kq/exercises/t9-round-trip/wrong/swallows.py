# expect: swallows-error
# Catches the loading error and reports it as a failed comparison.
import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    model.save(path)
    try:
        reloaded = keras.saving.load_model(path, **load_kwargs)
    except Exception:
        return False
    return bool(np.allclose(model.predict(data, verbose=0), reloaded.predict(data, verbose=0)))
