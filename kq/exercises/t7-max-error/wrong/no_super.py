# expect: init-super
# Forgets super().__init__ and goes straight to add_variable.
import keras
from keras import ops


class MaxAbsoluteError(keras.metrics.Metric):
    def __init__(self, name="max_abs_error", **kwargs):
        self.largest = self.add_variable(shape=(), initializer="zeros", name="largest")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.largest.assign(ops.maximum(self.largest, ops.max(ops.abs(y_true - y_pred))))

    def result(self):
        return self.largest.value
