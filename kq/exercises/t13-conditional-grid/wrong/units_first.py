# expect: units-unconditional
# Registers units at the top, for every kind, and uses it only in the mlp branch.
import keras
import keras_tuner as kt
from keras import layers


def build_conditional(hp):
    kind = hp.Choice("kind", ["linear", "mlp"])
    units = hp.Choice("units", [8, 16, 32])
    model = keras.Sequential([keras.Input(shape=(8,))])
    if kind == "mlp":
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
