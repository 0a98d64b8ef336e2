# expect: values
# Rewrites call by hand and divides by the root of the mean, not of the mean of the squares.
from keras import layers, ops


class MaskedRMSNormalization(layers.RMSNormalization):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, x):
        mean = ops.mean(x, axis=-1, keepdims=True)
        return x * ops.rsqrt(ops.abs(mean) + self.epsilon) * self.scale
