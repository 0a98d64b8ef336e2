import keras
from keras import layers


def build_shop():
    reading = keras.Input(shape=(8,), name="reading")
    trunk = layers.Dense(16, activation="relu", name="trunk")(reading)
    price = layers.Dense(1, name="price")(trunk)
    category = layers.Dense(3, name="category")(trunk)  # logits: one score per category
    shop = keras.Model(inputs=reading, outputs={"price": price, "category": category}, name="shop")
    shop.compile(
        optimizer="adam",
        loss={
            "price": "mse",
            "category": keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        },
        loss_weights={"price": 1.0, "category": 0.5},
    )
    return shop
