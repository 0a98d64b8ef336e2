import keras
from keras import ops


class MaxAbsoluteError(keras.metrics.Metric):
    """The largest absolute error seen in any batch since the last reset."""

    def __init__(self, name="max_abs_error", **kwargs):
        super().__init__(name=name, **kwargs)
        self.largest = self.add_variable(shape=(), initializer="zeros", name="largest")

    def update_state(self, y_true, y_pred, sample_weight=None):
        batch_max = ops.max(ops.abs(y_true - y_pred))
        self.largest.assign(ops.maximum(self.largest, ops.cast(batch_max, self.largest.dtype)))

    def result(self):
        return self.largest.value  # a tensor, not the variable itself


# The inherited reset_state sets every state variable back to zero. Absolute errors are never
# negative, so 0 is a correct start for their maximum. For a quantity that can be negative, a
# maximum that starts at 0 would wrongly report 0: you would override reset_state to assign a
# very negative number instead.
