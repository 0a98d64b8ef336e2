# expect: output-unit
# Stops at the Add and forgets the final Dense(1), so the model outputs 4 numbers per reading.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    summed = layers.Add()(
        [layers.Dense(4, activation="relu")(left), layers.Dense(4, activation="relu")(right)]
    )
    return keras.Model(inputs=[left, right], outputs=summed, name="sensors")
