# expect: head-linear
# Copies activation="relu" onto the last layer too, so the output can never be negative.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    summed = layers.Add()(
        [layers.Dense(4, activation="relu")(left), layers.Dense(4, activation="relu")(right)]
    )
    outputs = layers.Dense(1, activation="relu")(summed)
    return keras.Model(inputs=[left, right], outputs=outputs, name="sensors")
