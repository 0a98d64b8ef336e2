# expect: not-zero-init
# Keeps add_weight's habit from Dense kernels and starts the shift at one.
from keras import layers


class LearnedShift(layers.Layer):
    def build(self, input_shape):
        self.shift = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="shift")

    def call(self, inputs):
        return inputs + self.shift
