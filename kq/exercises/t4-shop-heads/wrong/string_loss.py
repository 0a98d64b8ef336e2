# expect: category-from-logits
# Uses the string "sparse_categorical_crossentropy", which expects probabilities, on logits.
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
    shop = keras.Model(reading, {"price": price, "category": category})
    shop.compile(
        optimizer="adam",
        loss={"price": "mse", "category": "sparse_categorical_crossentropy"},
        loss_weights=WEIGHTS,
    )
    return shop
