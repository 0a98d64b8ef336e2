# expect: init-kwargs
# Writes an __init__ that takes no arguments, so name= (and from_config) cannot reach the base.
from keras import layers


class LearnedShift(layers.Layer):
    def __init__(self):
        super().__init__()

    def build(self, input_shape):
        self.shift = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="shift")

    def call(self, inputs):
        return inputs + self.shift
