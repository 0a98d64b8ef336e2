# expect: config
# Keeps the inherited get_config, which knows name and reduction but not quantile.
import keras
from keras import ops


class PinballLoss(keras.losses.Loss):
    def __init__(self, quantile=0.5, name="pinball", **kwargs):
        super().__init__(name=name, **kwargs)
        self.quantile = quantile

    def call(self, y_true, y_pred):
        error = y_true - y_pred
        return ops.mean(ops.maximum(self.quantile * error, (self.quantile - 1.0) * error), axis=-1)
