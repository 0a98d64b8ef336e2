# expect: fit-signature
# Leaves hp out of fit's parameters, as in keras.Model.fit.
import keras
import keras_tuner as kt
from keras import layers


class TunedBatchSize(kt.HyperModel):
    def build(self, hp):
        model = keras.Sequential(
            [
                keras.Input(shape=(8,)),
                layers.Dense(hp.Choice("units", [8, 16]), activation="relu"),
                layers.Dense(1, activation="sigmoid"),
            ]
        )
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        return model

    def fit(self, model, *args, **kwargs):
        batch_size = 16
        return model.fit(*args, batch_size=batch_size, **kwargs)
