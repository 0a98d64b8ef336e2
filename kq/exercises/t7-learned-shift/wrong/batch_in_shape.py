# expect: shape-includes-batch
# Gives the weight the whole input shape, batch included, instead of one number per feature.
from keras import layers


class LearnedShift(layers.Layer):
    def build(self, input_shape):
        self.shift = self.add_weight(shape=input_shape, initializer="zeros", name="shift")

    def call(self, inputs):
        return inputs + self.shift
