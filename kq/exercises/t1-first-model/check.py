"""A first Sequential model

A function that builds the track's first model: four numbers in, eight hidden units, three
class probabilities out.
"""

import keras
import numpy as np
from keras import ops

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
        see="01-why-keras#first-model",
    ),
    "batch-in-shape": Hint(
        "Your input shape includes the batch: `keras.Input(shape=...)` describes *one* sample, "
        "and Keras adds the batch dimension (`None`) itself. Use `shape=(4,)`.",
        see="01-why-keras#first-model",
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
    # With relu, a hidden unit outputs 0 for some samples: its outputs cannot all be negative.
    hidden = keras.Model(model.inputs, model.layers[0].output)
    values = np.asarray(ops.convert_to_numpy(hidden(batch)))
    require((values >= 0).all(), "hidden-linear")
