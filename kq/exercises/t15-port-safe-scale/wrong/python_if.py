# expect: python-if
# Keeps the Python if on a tensor that autograph used to rewrite.
import keras
from keras import layers, ops


class SafeScale(layers.Layer):
    """Multiplies its inputs by a learned scale, unless one of them is larger than `limit`."""

    def __init__(self, limit=10.0, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit
        self.scale = self.add_weight(shape=(), initializer="ones", name="scale")

    def call(self, x):
        if ops.max(ops.abs(x)) > self.limit:
            return x
        return x * self.scale

    def get_config(self):
        return {**super().get_config(), "limit": self.limit}
