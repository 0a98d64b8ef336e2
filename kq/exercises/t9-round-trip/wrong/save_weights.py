# expect: save-weights
# Saves with save_weights, which keeps only the numbers and wants a .weights.h5 name.
import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    model.save_weights(path)
    reloaded = keras.models.clone_model(model)
    reloaded.load_weights(path)
    return bool(np.allclose(model.predict(data, verbose=0), reloaded.predict(data, verbose=0)))
