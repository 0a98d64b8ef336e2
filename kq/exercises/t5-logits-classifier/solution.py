import keras
from keras import layers


def build_classifier():
    model = keras.Sequential(
        [keras.Input(shape=(20,)), layers.Dense(32, activation="relu"), layers.Dense(3)]
    )
    schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.01, decay_steps=100)
    model.compile(
        optimizer=keras.optimizers.AdamW(learning_rate=schedule),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model
