# expect: output-not-float32
# Puts every layer, the sigmoid output included, under the mixed policy.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(16,)),
            layers.Dense(64, activation="relu", dtype="mixed_bfloat16", name="hidden"),
            layers.Dense(1, activation="sigmoid", dtype="mixed_bfloat16", name="out"),
        ]
    )
