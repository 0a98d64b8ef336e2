# expect: not-a-model
# Returns the list of layers and never wraps it in keras.Sequential.
import keras
from keras import layers


def make_model():
    return [
        keras.Input(shape=(4,)),
        layers.Dense(8, activation="relu"),
        layers.Dense(3, activation="softmax"),
    ]
