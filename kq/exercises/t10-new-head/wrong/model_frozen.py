# expect: head-frozen
# Freezes the whole new model instead of only the base, so the head cannot learn either.
import keras
from keras import layers


def with_new_head(base, num_classes):
    inputs = keras.Input(shape=base.input_shape[1:])
    outputs = layers.Dense(num_classes, activation="softmax")(base(inputs))
    model = keras.Model(inputs, outputs)
    model.trainable = False
    return model
