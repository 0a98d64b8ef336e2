# expect: python-max
# Uses Python's max, which compares whole tensors instead of element by element.
import keras
from keras import ops


class PinballLoss(keras.losses.Loss):
    def __init__(self, quantile=0.5, name="pinball", **kwargs):
        super().__init__(name=name, **kwargs)
        self.quantile = quantile

    def call(self, y_true, y_pred):
        error = y_true - y_pred
        return ops.mean(max(self.quantile * error, (self.quantile - 1.0) * error), axis=-1)

    def get_config(self):
        return {**super().get_config(), "quantile": self.quantile}
