# expect: batch-not-registered
# Writes the batch size into fit instead of registering it as a hyperparameter.
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

    def fit(self, hp, model, *args, **kwargs):
        return model.fit(*args, batch_size=32, **kwargs)
