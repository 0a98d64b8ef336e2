# expect: shared-branch
# Creates one Dense(4) and calls it on both inputs, so the two sensors share its weights.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    branch = layers.Dense(4, activation="relu")
    summed = layers.Add()([branch(left), branch(right)])
    return keras.Model(inputs=[left, right], outputs=layers.Dense(1)(summed), name="sensors")
