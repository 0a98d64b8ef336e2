# expect: multiplies
# Scales the inputs by the weight instead of shifting them.
from keras import layers


class LearnedShift(layers.Layer):
    def build(self, input_shape):
        self.shift = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="shift")

    def call(self, inputs):
        return inputs * self.shift
