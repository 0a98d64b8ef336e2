# expect: variables-not-float32
# Passes the dtype "bfloat16" instead of the mixed policy, so the kernel itself is bfloat16.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(16,)),
            layers.Dense(64, activation="relu", dtype="bfloat16", name="hidden"),
            layers.Dense(1, activation="sigmoid", dtype="float32", name="out"),
        ]
    )
