import keras
from keras import layers


def with_new_head(base, num_classes):
    """Freeze `base` and return a model: base, then a new softmax classifier."""
    base.trainable = False  # freezes every layer inside the base, batch norm included
    inputs = keras.Input(shape=base.input_shape[1:])
    features = base(inputs)
    outputs = layers.Dense(num_classes, activation="softmax")(features)
    return keras.Model(inputs, outputs)
