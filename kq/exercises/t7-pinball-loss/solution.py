import keras
from keras import ops


class PinballLoss(keras.losses.Loss):
    """Quantile regression's loss: under-predictions cost `quantile`, over-predictions the rest."""

    def __init__(self, quantile=0.5, name="pinball", **kwargs):
        super().__init__(name=name, **kwargs)
        self.quantile = quantile

    def call(self, y_true, y_pred):
        error = y_true - y_pred
        per_value = ops.maximum(self.quantile * error, (self.quantile - 1.0) * error)
        return ops.mean(per_value, axis=-1)  # one value per sample

    def get_config(self):
        return {**super().get_config(), "quantile": self.quantile}
