# expect: adamw
# Uses plain Adam, which has no weight decay.
import keras
from keras import layers

SCHEDULE = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.01, decay_steps=100)


def build_classifier():
    model = keras.Sequential(
        [keras.Input(shape=(20,)), layers.Dense(32, activation="relu"), layers.Dense(3)]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=SCHEDULE),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model
