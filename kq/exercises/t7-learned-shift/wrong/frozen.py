# expect: not-trainable
# Marks the weight trainable=False, so fit() would never move it.
from keras import layers


class LearnedShift(layers.Layer):
    def build(self, input_shape):
        self.shift = self.add_weight(
            shape=(input_shape[-1],), initializer="zeros", name="shift", trainable=False
        )

    def call(self, inputs):
        return inputs + self.shift
