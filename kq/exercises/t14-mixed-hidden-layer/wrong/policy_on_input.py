# expect: make-model-fails
# Gives keras.Input the policy name as its dtype; an input takes a tensor dtype, not a policy.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(16,), dtype="mixed_bfloat16"),
            layers.Dense(64, activation="relu", name="hidden"),
            layers.Dense(1, activation="sigmoid", dtype="float32", name="out"),
        ]
    )
