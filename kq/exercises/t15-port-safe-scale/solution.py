import keras
from keras import layers, ops


class SafeScale(layers.Layer):
    """Multiplies its inputs by a learned scale, unless one of them is larger than `limit`."""

    def __init__(self, limit=10.0, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit
        self.scale = self.add_weight(shape=(), initializer="ones", name="scale")

    def call(self, x):
        too_large = ops.max(ops.abs(x)) > self.limit
        return ops.where(too_large, x, x * self.scale)

    def get_config(self):
        return {**super().get_config(), "limit": self.limit}
