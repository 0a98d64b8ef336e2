# expect: concatenate
# Merges the branches with Concatenate, side by side, instead of summing them with Add.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    merged = layers.Concatenate()(
        [layers.Dense(4, activation="relu")(left), layers.Dense(4, activation="relu")(right)]
    )
    return keras.Model(inputs=[left, right], outputs=layers.Dense(1)(merged), name="sensors")
