# expect: from-logits
# Uses the string "sparse_categorical_crossentropy", which expects probabilities, on logits.
import keras
from keras import layers

SCHEDULE = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.01, decay_steps=100)


def build_classifier():
    model = keras.Sequential(
        [keras.Input(shape=(20,)), layers.Dense(32, activation="relu"), layers.Dense(3)]
    )
    model.compile(
        optimizer=keras.optimizers.AdamW(learning_rate=SCHEDULE),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
