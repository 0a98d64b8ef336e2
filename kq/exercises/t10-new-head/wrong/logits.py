# expect: not-probabilities
# Leaves the head without an activation, so it returns scores, not probabilities.
import keras
from keras import layers


def with_new_head(base, num_classes):
    base.trainable = False
    inputs = keras.Input(shape=base.input_shape[1:])
    outputs = layers.Dense(num_classes)(base(inputs))
    return keras.Model(inputs, outputs)
