# expect: assign
# Rebinds the attribute to the new maximum instead of assigning it to the state variable.
import keras
from keras import ops


class MaxAbsoluteError(keras.metrics.Metric):
    def __init__(self, name="max_abs_error", **kwargs):
        super().__init__(name=name, **kwargs)
        self.largest = self.add_variable(shape=(), initializer="zeros", name="largest")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.largest = ops.maximum(self.largest, ops.max(ops.abs(y_true - y_pred)))

    def result(self):
        return ops.convert_to_tensor(self.largest)
