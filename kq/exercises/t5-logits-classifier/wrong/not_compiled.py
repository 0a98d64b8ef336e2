# expect: not-compiled
# Builds the model and returns it uncompiled, leaving compile to whoever calls fit.
import keras
from keras import layers


def build_classifier():
    return keras.Sequential(
        [keras.Input(shape=(20,)), layers.Dense(32, activation="relu"), layers.Dense(3)]
    )
