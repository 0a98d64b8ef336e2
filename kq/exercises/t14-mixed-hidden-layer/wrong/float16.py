# expect: float16-not-bfloat16
# Picks the float16 policy, which is the one that needs loss scaling.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(16,)),
            layers.Dense(64, activation="relu", dtype="mixed_float16", name="hidden"),
            layers.Dense(1, activation="sigmoid", dtype="float32", name="out"),
        ]
    )
