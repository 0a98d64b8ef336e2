# expect: not-shared
# Clones the base to freeze it, so the new model uses fresh random weights, not the trained ones.
import keras
from keras import layers


def with_new_head(base, num_classes):
    frozen = keras.models.clone_model(base)
    frozen.trainable = False
    base.trainable = False
    inputs = keras.Input(shape=base.input_shape[1:])
    outputs = layers.Dense(num_classes, activation="softmax")(frozen(inputs))
    return keras.Model(inputs, outputs)
