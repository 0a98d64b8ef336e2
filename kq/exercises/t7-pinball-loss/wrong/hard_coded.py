# expect: quantile
# Writes the median's 0.5 into call instead of using self.quantile.
import keras
from keras import ops


class PinballLoss(keras.losses.Loss):
    def __init__(self, quantile=0.5, name="pinball", **kwargs):
        super().__init__(name=name, **kwargs)
        self.quantile = quantile

    def call(self, y_true, y_pred):
        error = y_true - y_pred
        return ops.mean(ops.maximum(0.5 * error, -0.5 * error), axis=-1)

    def get_config(self):
        return {**super().get_config(), "quantile": self.quantile}
