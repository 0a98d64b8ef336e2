# expect: softmax-output
# Adds a softmax to the last layer and still tells the loss from_logits=True: softmax twice.
import keras
from keras import layers

SCHEDULE = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.01, decay_steps=100)


def build_classifier():
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            layers.Dense(32, activation="relu"),
            layers.Dense(3, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.AdamW(learning_rate=SCHEDULE),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model
