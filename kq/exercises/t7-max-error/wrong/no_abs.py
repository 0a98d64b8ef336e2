# expect: no-abs
# Takes the maximum of the signed errors, so predictions above the truth never count.
import keras
from keras import ops


class MaxAbsoluteError(keras.metrics.Metric):
    def __init__(self, name="max_abs_error", **kwargs):
        super().__init__(name=name, **kwargs)
        self.largest = self.add_variable(shape=(), initializer="zeros", name="largest")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.largest.assign(ops.maximum(self.largest, ops.max(y_true - y_pred)))

    def result(self):
        return self.largest.value
