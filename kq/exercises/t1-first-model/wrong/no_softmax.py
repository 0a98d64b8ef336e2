# expect: no-softmax
# Leaves the output layer without an activation, so its outputs are not probabilities.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [keras.Input(shape=(4,)), layers.Dense(8, activation="relu"), layers.Dense(3)]
    )
