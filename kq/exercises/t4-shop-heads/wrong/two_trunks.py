# expect: one-trunk
# Gives each head its own Dense(16) trunk, so the two tasks share nothing.
import keras
from keras import layers

LOSSES = {
    "price": "mse",
    "category": keras.losses.SparseCategoricalCrossentropy(from_logits=True),
}
WEIGHTS = {"price": 1.0, "category": 0.5}


def build_shop():
    reading = keras.Input(shape=(8,), name="reading")
    price = layers.Dense(1)(layers.Dense(16, activation="relu")(reading))
    category = layers.Dense(3)(layers.Dense(16, activation="relu")(reading))
    shop = keras.Model(reading, {"price": price, "category": category})
    shop.compile(optimizer="adam", loss=LOSSES, loss_weights=WEIGHTS)
    return shop
