# expect: plain-if
# Relies on the Python if alone, without telling the search space that units depends on kind.
import keras
import keras_tuner as kt
from keras import layers


def build_conditional(hp):
    model = keras.Sequential([keras.Input(shape=(8,))])
    if hp.Choice("kind", ["linear", "mlp"]) == "mlp":
        model.add(layers.Dense(hp.Choice("units", [8, 16, 32]), activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
