# expect: base-not-frozen
# Puts the head on the base but forgets to freeze the base.
import keras
from keras import layers


def with_new_head(base, num_classes):
    inputs = keras.Input(shape=base.input_shape[1:])
    outputs = layers.Dense(num_classes, activation="softmax")(base(inputs))
    return keras.Model(inputs, outputs)
