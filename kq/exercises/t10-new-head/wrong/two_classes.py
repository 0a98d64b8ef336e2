# expect: num-classes
# Writes the two classes of the page's example into the head instead of num_classes.
import keras
from keras import layers


def with_new_head(base, num_classes):
    base.trainable = False
    inputs = keras.Input(shape=base.input_shape[1:])
    outputs = layers.Dense(2, activation="softmax")(base(inputs))
    return keras.Model(inputs, outputs)
