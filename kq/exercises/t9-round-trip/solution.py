import keras
import numpy as np


def round_trip(model, path, data, **load_kwargs):
    """Save model to path, load it back; True when the copy predicts what the original does."""
    model.save(path)
    reloaded = keras.saving.load_model(path, **load_kwargs)
    return bool(np.allclose(model.predict(data, verbose=0), reloaded.predict(data, verbose=0)))


# With the Lambda model, load_model raises a ValueError in safe mode: loading it would run
# bytecode taken from the file. round_trip(doubled, path, data, safe_mode=False) accepts that
# risk for this one call. That is fine for a file you have just written yourself, never for a
# file from someone you do not trust.
