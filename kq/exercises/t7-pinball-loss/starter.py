import keras
from keras import ops


class PinballLoss(keras.losses.Loss):
    """Quantile regression's loss: under-predictions cost `quantile`, over-predictions the rest."""

    def __init__(self, quantile=0.5, name="pinball", **kwargs):
        super().__init__(name=name, **kwargs)
        self.quantile = quantile

    def call(self, y_true, y_pred):
        return ops.mean(ops.abs(y_true - y_pred), axis=-1)  # replace with the pinball loss

    # Keep quantile in the config.
