# expect: head-units
# Predicts the category as one number instead of one score per category.
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
    category = layers.Dense(1)(trunk)
    shop = keras.Model(reading, {"price": price, "category": category})
    shop.compile(optimizer="adam", loss=LOSSES, loss_weights=WEIGHTS)
    return shop
