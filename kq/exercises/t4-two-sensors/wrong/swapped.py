# expect: input-names
# Lists the inputs as [right, left], so data passed as a list reaches the wrong branches.
import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    summed = layers.Add()(
        [layers.Dense(4, activation="relu")(left), layers.Dense(4, activation="relu")(right)]
    )
    return keras.Model(inputs=[right, left], outputs=layers.Dense(1)(summed), name="sensors")
