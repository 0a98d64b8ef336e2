# expect: forward-kwargs
# Never passes load_kwargs on to load_model.
import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    model.save(path)
    reloaded = keras.saving.load_model(path)
    return bool(np.allclose(model.predict(data, verbose=0), reloaded.predict(data, verbose=0)))
