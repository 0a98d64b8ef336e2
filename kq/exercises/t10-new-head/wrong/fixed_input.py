# expect: input-shape
# Writes the 16 x 16 RGB image shape into the model instead of reading it from the base.
import keras
from keras import layers


def with_new_head(base, num_classes):
    base.trainable = False
    inputs = keras.Input(shape=(16, 16, 3))
    outputs = layers.Dense(num_classes, activation="softmax")(base(inputs))
    return keras.Model(inputs, outputs)
