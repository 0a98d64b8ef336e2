from keras import layers


class LearnedShift(layers.Layer):
    """Adds one learned number per feature to its inputs; starts at zero."""

    def build(self, input_shape):
        self.shift = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="shift")

    def call(self, inputs):
        return inputs + self.shift
