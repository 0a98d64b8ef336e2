# expect: not-a-loss
# Writes the loss as a plain function with a quantile argument, which compile cannot configure.
import keras
from keras import ops


def PinballLoss(y_true, y_pred, quantile=0.5):
    error = y_true - y_pred
    return ops.mean(ops.maximum(quantile * error, (quantile - 1.0) * error), axis=-1)
