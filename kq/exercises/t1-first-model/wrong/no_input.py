# expect: no-input
# Leaves out keras.Input, so the model has no weights until it first sees data.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [layers.Dense(8, activation="relu"), layers.Dense(3, activation="softmax")]
    )
