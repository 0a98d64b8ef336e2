import keras
from keras import layers, ops


class SafeScale(layers.Layer):
    """Multiplies its inputs by a learned scale, unless one of them is larger than `limit`."""

    def __init__(self, limit=10.0, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit
        # the scale: one learned number, starting at 1

    def call(self, x):
        return x  # x unchanged if any |x| > limit, else x * scale
