# expect: hard-coded-size
# Builds the weight in build() but writes the example's feature count (4) into the code.
from keras import layers


class LearnedShift(layers.Layer):
    def build(self, input_shape):
        self.shift = self.add_weight(shape=(4,), initializer="zeros", name="shift")

    def call(self, inputs):
        return inputs + self.shift
