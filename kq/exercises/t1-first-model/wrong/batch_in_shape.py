# expect: batch-in-shape
# Puts the batch size into the input shape, as if Input described the whole batch.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(2, 4)),
            layers.Dense(8, activation="relu"),
            layers.Dense(3, activation="softmax"),
        ]
    )
