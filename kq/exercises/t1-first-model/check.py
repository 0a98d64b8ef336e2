"""A first Sequential model

A function that builds the track's first model: four numbers in, eight hidden units, three
class probabilities out.
"""

import keras
import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 1

HINTS = {
    "call-fails": Hint(
        "Calling `make_model()` raised an error. It takes no arguments and returns the model.",
        see="01-why-keras#first-model",
    ),
    "not-a-model": Hint(
        "`make_model()` must *return* the model: a `keras.Sequential([...])`, not the list of "
        "layers or `None`.",
        see="01-why-keras#first-model",
    ),
    "no-input": Hint(
        "Your model has no weights yet, so it cannot count its parameters: without an input "
        "shape a `Sequential` is built only when it first sees data. Start the list with "
        "`keras.Input(shape=(4,))`.",
        see="04-models#unbuilt-models",
    ),
    "batch-in-shape": Hint(
        "Your input shape includes the batch: `keras.Input(shape=...)` describes *one* sample, "
        "and Keras adds the batch dimension (`None`) itself. Use `shape=(4,)`.",
        see="04-models#input-shape-is-one-sample",
    ),
    "input-features": Hint(
        "Each sample has four numbers, so the input is `keras.Input(shape=(4,))`.",
        see="01-why-keras#first-model",
    ),
    "output-size": Hint(
        "The model must output three numbers per sample: the last layer is `Dense(3, ...)`.",
        see="01-why-keras#first-model",
    ),
    "hidden-size": Hint(
        "The model should have 67 parameters: 4 × 8 + 8 in a hidden `Dense(8)` and 8 × 3 + 3 in "
        "the output `Dense(3)`. Check the hidden layer's size and that there are exactly two "
        "`Dense` layers.",
        see="01-why-keras#first-model",
    ),
    "no-softmax": Hint(
        "Each row of the output should be three probabilities that add up to 1: give the last "
        'layer `activation="softmax"`.',
        see="01-why-keras#first-model",
    ),
    "hidden-linear": Hint(
        'The hidden layer has no activation: give it `activation="relu"`. Without one, the two '
        "`Dense` layers together compute one linear function.",
        see="01-why-keras#first-model",
    ),
    "hidden-not-relu": Hint(
        "The hidden layer has an activation, but not relu: its outputs are not the larger of "
        'its weighted sums and 0. Give the hidden `Dense(8)` `activation="relu"`.',
        see="01-why-keras#first-model",
    ),
}


def check(answer):
    make_model = answer.make_model
    with calling("call-fails"):
        model = make_model()
    require(isinstance(model, keras.Model), "not-a-model")
    require(model.built, "no-input")
    shape = tuple(model.input_shape)
    require(len(shape) == 2, "batch-in-shape")
    require(shape[-1] == 4, "input-features")
    require(tuple(model.output_shape)[-1] == 3, "output-size")
    require(model.count_params() == 67, "hidden-size")
    rng = np.random.default_rng(0)
    batch = rng.normal(size=(5, 4)).astype("float32") * 3.0
    probs = np.asarray(ops.convert_to_numpy(model(batch)))
    require(probs.shape == (5, 3), "output-size")
    require((probs >= 0).all() and np.allclose(probs.sum(axis=1), 1.0, atol=1e-5), "no-softmax")
    # What reaches the output layer, against the hidden Dense's own weighted sums: the same
    # numbers when it has no activation, their relu when it has. A separate ReLU layer counts too.
    dense = [layer for layer in model.layers if isinstance(layer, layers.Dense)]
    require(len(dense) == 2, "hidden-size")
    hidden = keras.Model(model.inputs, dense[-1].input)
    values = np.asarray(ops.convert_to_numpy(hidden(batch)))
    kernel, bias = (np.asarray(ops.convert_to_numpy(w)) for w in (dense[0].kernel, dense[0].bias))
    sums = batch @ kernel + bias
    require(not np.allclose(values, sums, atol=1e-4), "hidden-linear")
    require(np.allclose(values, np.maximum(sums, 0.0), atol=1e-4), "hidden-not-relu")
