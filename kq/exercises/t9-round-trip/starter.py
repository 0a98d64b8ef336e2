import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    """Save model to path, load it back; True when the copy predicts what the original does."""
    # Save, load with keras.saving.load_model(path, **load_kwargs), compare model.predict(data).
    return False
