# expect: state-in-variables
# Keeps the running maximum in a plain Python attribute, not a variable from add_variable.
import keras
from keras import ops


class MaxAbsoluteError(keras.metrics.Metric):
    def __init__(self, name="max_abs_error", **kwargs):
        super().__init__(name=name, **kwargs)
        self.largest = 0.0

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.largest = ops.maximum(self.largest, ops.max(ops.abs(y_true - y_pred)))

    def result(self):
        return self.largest.value
