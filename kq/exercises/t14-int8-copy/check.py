"""An int8 copy of a trained model

A function that returns an int8-quantized copy of a model and leaves the original as it was.
"""

import keras
import numpy as np
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 14

HINTS = {
    "copy-fails": Hint(
        "`int8_copy(model)` raised an error. Make the copy with `keras.models.clone_model(model)`, "
        "give it the weights with `copy.set_weights(model.get_weights())`, and only then call "
        '`copy.quantize("int8")`: after quantizing, a layer holds an int8 kernel *and* a scale, '
        "so the float model's weight list no longer fits it.",
        see="14-performance#quantize-modes",
    ),
    "returns-none": Hint(
        "`int8_copy` returned `None`. `quantize` changes the model in place and returns nothing: "
        'call `copy.quantize("int8")` on one line, then `return copy`.',
        see="14-performance#quantize-modes",
    ),
    "not-a-model": Hint(
        "`int8_copy` must return a Keras model (the quantized copy).",
        see="14-performance#quantize-modes",
    ),
    "original-changed": Hint(
        "The model passed in was quantized too: `quantize` works in place. Quantize a copy: "
        "`keras.models.clone_model(model)`, then `set_weights(model.get_weights())`.",
        see="14-performance#quantize-modes",
    ),
    "not-quantized": Hint(
        "No layer of the copy is quantized: after copying the weights, call "
        '`copy.quantize("int8")` on the copy.',
        see="14-performance#quantize-modes",
    ),
    "not-int8": Hint(
        "The copy's `Dense` kernels are not int8 of the layer's shape: use the mode `\"int8\"` "
        '(`"int4"` packs two values per byte, `"float8"` keeps a float32 kernel).',
        see="14-performance#quantize-modes",
    ),
    "not-every-layer": Hint(
        "Some `Dense` layers of the copy are still float32: call `quantize` without `filters=` "
        "so that every `Dense` layer is quantized.",
        see="14-performance#quantize-modes",
    ),
    "weights-not-copied": Hint(
        "The copy predicts something else than the model: `clone_model` copies the architecture "
        "with freshly initialised weights. Copy the trained weights with "
        "`copy.set_weights(model.get_weights())` before quantizing.",
        see="14-performance#quantize-modes",
    ),
}


def _model():
    model = keras.Sequential(
        [
            keras.Input(shape=(16,)),
            # zeros, not random, initial kernels: no random initializer to compile on JAX
            # (here or in the learner's clone); the trained weights are set just below
            layers.Dense(32, activation="relu", name="hidden", kernel_initializer="zeros"),
            layers.Dense(3, name="out", kernel_initializer="zeros"),
        ]
    )
    rng = np.random.default_rng(0)
    model.set_weights(
        [rng.normal(scale=0.3, size=w.shape).astype("float32") for w in model.weights]
    )
    return model


def _kernel(layer):
    return next(w for w in layer.weights if w.name == "kernel")


def check(answer):
    int8_copy = answer.int8_copy
    model = _model()
    x = np.random.default_rng(1).normal(size=(8, 16)).astype("float32")
    before = keras.ops.convert_to_numpy(model(x))
    with calling("copy-fails"):
        copy = int8_copy(model)
    require(copy is not None, "returns-none")
    require(isinstance(copy, keras.Model), "not-a-model")
    require(
        copy is not model and all(not layer.quantization_mode for layer in model.layers),
        "original-changed",
    )
    dense = [layer for layer in copy.layers if isinstance(layer, layers.Dense)]
    require(len(dense) == 2, "not-a-model")
    quantized = [layer for layer in dense if layer.quantization_mode]
    require(quantized, "not-quantized")
    for layer in quantized:
        kernel = _kernel(layer)
        require(layer.quantization_mode == "int8", "not-int8")
        require(keras.backend.standardize_dtype(kernel.dtype) == "int8", "not-int8")
        require(tuple(kernel.shape) == (layer.input.shape[-1], layer.units), "not-int8")
    require(len(quantized) == len(dense), "not-every-layer")
    with calling("copy-fails"):
        after = keras.ops.convert_to_numpy(copy(x))
    require(np.max(np.abs(after - before)) < 0.05, "weights-not-copied")
    require(np.allclose(keras.ops.convert_to_numpy(model(x)), before), "original-changed")
