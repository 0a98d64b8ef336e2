# expect: hidden-not-relu
# Gives the hidden layer tanh, the activation of older tutorials, instead of relu.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(4,)),
            layers.Dense(8, activation="tanh"),
            layers.Dense(3, activation="softmax"),
        ]
    )
