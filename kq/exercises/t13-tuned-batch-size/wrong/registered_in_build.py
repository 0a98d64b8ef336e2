# expect: batch-not-used
# Registers batch_size in build, where the model is made, and never hands it to model.fit.
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
        hp.Choice("batch_size", [16, 64])
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        return model

    def fit(self, hp, model, *args, **kwargs):
        return model.fit(*args, **kwargs)
