# expect: scope-without-if
# Takes conditional_scope for the condition itself and adds the hidden layer without an if.
import keras
import keras_tuner as kt
from keras import layers


def build_conditional(hp):
    hp.Choice("kind", ["linear", "mlp"])
    model = keras.Sequential([keras.Input(shape=(8,))])
    with hp.conditional_scope("kind", ["mlp"]):
        model.add(layers.Dense(hp.Choice("units", [8, 16, 32]), activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
