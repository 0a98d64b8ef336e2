# expect: heads-on-trunk
# Creates the trunk but calls both heads on the input, so the trunk is left out of the model.
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
    price = layers.Dense(1)(reading)
    category = layers.Dense(3)(reading)
    shop = keras.Model(reading, {"price": price, "category": category})
    shop.compile(optimizer="adam", loss=LOSSES, loss_weights=WEIGHTS)
    return shop
