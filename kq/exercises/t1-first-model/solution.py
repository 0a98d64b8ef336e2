import keras
import numpy as np
from keras import layers, ops


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(4,)),
            layers.Dense(8, activation="relu"),
            layers.Dense(3, activation="softmax"),
        ]
    )


model = make_model()
print(model.output_shape, model.count_params())
probs = ops.convert_to_numpy(model(np.ones((2, 4), dtype="float32")))
print(probs.sum(axis=1).round(3))
