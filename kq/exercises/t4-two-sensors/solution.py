import keras
from keras import layers


def build_sensors():
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    summed = layers.Add()(
        [
            layers.Dense(4, activation="relu")(left),
            layers.Dense(4, activation="relu")(right),
        ]
    )
    outputs = layers.Dense(1)(summed)
    return keras.Model(inputs=[left, right], outputs=outputs, name="sensors")


# Parameters: each branch has 6 × 4 + 4 = 28, Add has none, the output layer 4 × 1 + 1 = 5,
# so build_sensors().count_params() is 28 + 28 + 5 = 61.
#
# With Dense(3) on the right, Add would get shapes (None, 4) and (None, 3): it sums element by
# element, so Keras raises a ValueError while building the graph. Concatenate would accept them
# and give (None, 7); the output layer would then have 7 × 1 + 1 = 8 parameters.
