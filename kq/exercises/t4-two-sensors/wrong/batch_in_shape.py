# expect: input-shape
# Puts a batch size into keras.Input's shape, (32, 6), instead of the shape of one reading.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(32, 6), name="left")
    right = keras.Input(shape=(32, 6), name="right")
    summed = layers.Add()(
        [layers.Dense(4, activation="relu")(left), layers.Dense(4, activation="relu")(right)]
    )
    return keras.Model(inputs=[left, right], outputs=layers.Dense(1)(summed), name="sensors")
