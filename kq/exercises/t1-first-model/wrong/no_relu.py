# expect: hidden-linear
# Forgets the hidden layer's activation, so the two Dense layers are one linear map.
import keras
from keras import layers


def make_model():
    return keras.Sequential(
        [keras.Input(shape=(4,)), layers.Dense(8), layers.Dense(3, activation="softmax")]
    )
