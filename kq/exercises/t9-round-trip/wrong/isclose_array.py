# expect: returns-bool
# Returns np.isclose, one comparison per value, instead of one answer.
import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    model.save(path)
    reloaded = keras.saving.load_model(path, **load_kwargs)
    return np.isclose(model.predict(data, verbose=0), reloaded.predict(data, verbose=0))
