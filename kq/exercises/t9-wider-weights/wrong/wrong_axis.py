# expect: shapes
# Adds the zero weights as a new column instead of new rows.
import keras
import numpy as np


def widen(model, wider, path):
    model.save_weights("narrow.weights.h5")
    kernel, bias = model.layers[0].get_weights()
    out_kernel, out_bias = model.layers[1].get_weights()
    wide_kernel, wide_bias = wider.layers[0].get_weights()  # random kernel, zero bias
    wide_kernel[:, :8], wide_bias[:8] = kernel, bias

    editor = keras.saving.KerasFileEditor("narrow.weights.h5")
    # Layers are stored by type and position, and their variables by number: 0 kernel, 1 bias.
    editor.add_object("layers/dense", {"0": wide_kernel, "1": wide_bias})
    zeros = np.zeros((8, 1), "float32")  # the new units' outgoing weights
    editor.add_object(
        "layers/dense_1", {"0": np.concatenate([out_kernel, zeros], axis=1), "1": out_bias}
    )
    editor.save(path)
