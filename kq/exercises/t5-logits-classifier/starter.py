import keras
from keras import layers


def build_classifier():
    model = keras.Sequential(
        [keras.Input(shape=(20,)), layers.Dense(32, activation="relu"), layers.Dense(3)]
    )
    # Compile it: AdamW on a CosineDecay schedule, a loss for integer labels and logits,
    # and the accuracy metric.
    return model
