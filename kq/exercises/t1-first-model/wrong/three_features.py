# expect: input-features
# Gives the input the number of classes (3) instead of the number of features (4).
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(3,)),
            layers.Dense(8, activation="relu"),
            layers.Dense(3, activation="softmax"),
        ]
    )
