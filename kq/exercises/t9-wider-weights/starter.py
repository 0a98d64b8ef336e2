import keras
import numpy as np


def widen(model, wider, path):
    """Write to path weights that make wider (16 hidden units) predict what model (8) does."""
    model.save_weights("narrow.weights.h5")
    editor = keras.saving.KerasFileEditor("narrow.weights.h5")
    # Replace both layers' weights with add_object, then save the file to path.
