# expect: adds-up
# Copies the totals pattern of WithinTolerance and adds every batch's maximum with assign_add.
import keras
from keras import ops


class MaxAbsoluteError(keras.metrics.Metric):
    def __init__(self, name="max_abs_error", **kwargs):
        super().__init__(name=name, **kwargs)
        self.largest = self.add_variable(shape=(), initializer="zeros", name="largest")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.largest.assign_add(ops.max(ops.abs(y_true - y_pred)))

    def result(self):
        return self.largest.value
