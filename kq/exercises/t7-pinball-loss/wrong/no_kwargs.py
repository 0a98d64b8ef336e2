# expect: init-kwargs
# Takes only quantile in __init__, so name= (and from_config) cannot reach the base.
import keras
from keras import ops


class PinballLoss(keras.losses.Loss):
    def __init__(self, quantile=0.5):
        super().__init__(name="pinball")
        self.quantile = quantile

    def call(self, y_true, y_pred):
        error = y_true - y_pred
        return ops.mean(ops.maximum(self.quantile * error, (self.quantile - 1.0) * error), axis=-1)

    def get_config(self):
        return {**super().get_config(), "quantile": self.quantile}
