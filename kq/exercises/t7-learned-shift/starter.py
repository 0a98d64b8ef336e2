import keras
from keras import layers


class LearnedShift(layers.Layer):
    """Adds one learned number per feature to its inputs; starts at zero."""

    # Create the weight where the number of features is known.

    def call(self, inputs):
        return inputs  # add the learned shift here
