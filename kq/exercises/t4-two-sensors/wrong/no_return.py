# expect: not-a-model
# Builds the model inside the function but forgets to return it.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    summed = layers.Add()(
        [layers.Dense(4, activation="relu")(left), layers.Dense(4, activation="relu")(right)]
    )
    sensors = keras.Model(inputs=[left, right], outputs=layers.Dense(1)(summed), name="sensors")
    sensors.summary()
