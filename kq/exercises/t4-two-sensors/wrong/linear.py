# expect: relu
# Leaves out activation="relu", so each branch is a plain linear map.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    summed = layers.Add()([layers.Dense(4)(left), layers.Dense(4)(right)])
    return keras.Model(inputs=[left, right], outputs=layers.Dense(1)(summed), name="sensors")
