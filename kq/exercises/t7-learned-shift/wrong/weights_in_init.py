# expect: weights-in-init
# Creates the weight in __init__, with a size written in, before any input is seen.
from keras import layers


class LearnedShift(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.shift = self.add_weight(shape=(4,), initializer="zeros", name="shift")

    def call(self, inputs):
        return inputs + self.shift
