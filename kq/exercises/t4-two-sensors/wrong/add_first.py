# expect: add-before-dense
# Sums the raw inputs first and puts a single Dense(4) after the sum.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    summed = layers.Add()([left, right])
    hidden = layers.Dense(4, activation="relu")(summed)
    return keras.Model(inputs=[left, right], outputs=layers.Dense(1)(hidden), name="sensors")
