# expect: outputs-dict
# Gives keras.Model a list of outputs, so the model returns a list, not named outputs.
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
    price = layers.Dense(1, name="price")(trunk)
    category = layers.Dense(3, name="category")(trunk)
    shop = keras.Model(reading, [price, category])
    shop.compile(optimizer="adam", loss=["mse", LOSSES["category"]], loss_weights=[1.0, 0.5])
    return shop
