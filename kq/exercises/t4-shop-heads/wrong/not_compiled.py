# expect: not-compiled
# Builds the model but returns it without compiling it.
import keras
from keras import layers

LOSSES = {
    "price": "mse",
    "category": keras.losses.SparseCategoricalCrossentropy(from_logits=True),
}
WEIGHTS = {"price": 1.0, "category": 0.5}


def build_shop():
    reading = keras.Input(shape=(8,), name="reading")
    trunk = layers.Dense(16, activation="relu")(reading)
    price = layers.Dense(1)(trunk)
    category = layers.Dense(3)(trunk)
    return keras.Model(reading, {"price": price, "category": category})
