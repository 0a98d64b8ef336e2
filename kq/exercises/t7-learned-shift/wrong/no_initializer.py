# expect: not-zero-init
# Leaves out initializer, so add_weight starts the float weight from glorot_uniform's random values.
from keras import layers


class LearnedShift(layers.Layer):
    def build(self, input_shape):
        self.shift = self.add_weight(shape=(input_shape[-1],), name="shift")

    def call(self, inputs):
        return inputs + self.shift
