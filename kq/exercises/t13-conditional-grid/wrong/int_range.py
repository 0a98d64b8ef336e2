# expect: units-values
# Writes the sizes as an hp.Int range with a step, which also allows 24.
import keras
import keras_tuner as kt
from keras import layers


def build_conditional(hp):
    model = keras.Sequential([keras.Input(shape=(8,))])
    if hp.Choice("kind", ["linear", "mlp"]) == "mlp":
        with hp.conditional_scope("kind", ["mlp"]):
            model.add(layers.Dense(hp.Int("units", 8, 32, step=8), activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
