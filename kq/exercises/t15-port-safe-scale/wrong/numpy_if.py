# expect: not-traceable
# Makes the Python if work by converting the tensor to NumPy first, which only works eagerly.
import keras
import numpy as np
from keras import layers, ops


class SafeScale(layers.Layer):
    """Multiplies its inputs by a learned scale, unless one of them is larger than `limit`."""

    def __init__(self, limit=10.0, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit
        self.scale = self.add_weight(shape=(), initializer="ones", name="scale")

    def call(self, x):
        if np.max(np.abs(ops.convert_to_numpy(x))) > self.limit:
            return x
        return x * self.scale

    def get_config(self):
        return {**super().get_config(), "limit": self.limit}
