# expect: hidden-not-mixed
# Puts the mixed policy on the output layer and leaves the hidden layer in float32.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(16,)),
            layers.Dense(64, activation="relu", name="hidden"),
            layers.Dense(1, activation="sigmoid", dtype="mixed_bfloat16", name="out"),
        ]
    )
