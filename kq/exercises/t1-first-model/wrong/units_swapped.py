# expect: output-size
# Swaps the two layers' sizes, so the model ends with eight outputs.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(4,)),
            layers.Dense(3, activation="relu"),
            layers.Dense(8, activation="softmax"),
        ]
    )
