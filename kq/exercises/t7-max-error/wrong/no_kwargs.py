# expect: init-kwargs
# Accepts only name in __init__, so from_config's dtype has nowhere to go.
import keras
from keras import ops


class MaxAbsoluteError(keras.metrics.Metric):
    def __init__(self, name="max_abs_error"):
        super().__init__(name=name)
        self.largest = self.add_variable(shape=(), initializer="zeros", name="largest")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.largest.assign(ops.maximum(self.largest, ops.max(ops.abs(y_true - y_pred))))

    def result(self):
        return self.largest.value
