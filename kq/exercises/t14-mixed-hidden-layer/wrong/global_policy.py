# expect: global-policy
# Sets the global policy to get a mixed hidden layer, and never sets it back.
import keras
from keras import layers


def make_model():
    keras.config.set_dtype_policy("mixed_bfloat16")
    return keras.Sequential(
        [
            keras.Input(shape=(16,)),
            layers.Dense(64, activation="relu", name="hidden"),
            layers.Dense(1, activation="sigmoid", dtype="float32", name="out"),
        ]
    )
