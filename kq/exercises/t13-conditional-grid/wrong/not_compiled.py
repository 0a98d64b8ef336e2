# expect: not-compiled
# Returns the model without compiling it, as if the tuner compiled it.
import keras
import keras_tuner as kt
from keras import layers


def build_conditional(hp):
    model = keras.Sequential([keras.Input(shape=(8,))])
    if hp.Choice("kind", ["linear", "mlp"]) == "mlp":
        with hp.conditional_scope("kind", ["mlp"]):
            model.add(layers.Dense(hp.Choice("units", [8, 16, 32]), activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    return model
