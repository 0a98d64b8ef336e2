import keras
import keras_tuner as kt
from keras import layers


def build_conditional(hp):
    model = keras.Sequential([keras.Input(shape=(8,))])
    # Choose the kind; for "mlp" only, add a hidden Dense whose units are a hyperparameter.
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
