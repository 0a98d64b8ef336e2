import keras
from keras import layers


def make_model():
    # Give the hidden layer the "mixed_bfloat16" policy, and leave the global policy alone.
    return keras.Sequential(
        [
            keras.Input(shape=(16,)),
            layers.Dense(64, activation="relu", name="hidden"),
            layers.Dense(1, activation="sigmoid", name="out"),
        ]
    )
