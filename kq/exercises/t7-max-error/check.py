"""A metric that keeps the worst error

A `keras.metrics.Metric` that reports the largest absolute error seen since the last reset.
"""

import inspect

import keras
import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 7

HINTS = {
    "not-a-metric": Hint(
        "`MaxAbsoluteError` must be a class that subclasses `keras.metrics.Metric`, so that "
        "`compile(metrics=[...])`, `fit` and `evaluate` can update, read and reset it.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "init-super": Hint(
        "`MaxAbsoluteError()` fails: call `super().__init__(name=name, **kwargs)` first in your "
        "`__init__`, before `self.add_variable(...)`; the base class sets up where variables go.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "state-in-variables": Hint(
        "Your metric has no state variables: a plain Python attribute is not state `fit` can "
        "update inside a compiled step, nor one `reset_state` can reset. Create it in `__init__` "
        'with `self.add_variable(shape=(), initializer="zeros", ...)` and change it with `assign`.',
        see="07-custom-layers#metrics-keep-totals",
    ),
    "result-variable": Hint(
        "`result()` returns the state variable itself; return its value as a tensor, "
        "`self.largest.value`, or compute one with `keras.ops`. On the JAX backend `fit` and "
        "`evaluate` fail when `result` hands back the variable.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "update-fails": Hint(
        "`update_state(y_true, y_pred)` or `result()` raised an error on a batch of "
        "predictions; compute with `keras.ops` and store the running maximum with `assign`.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "no-abs": Hint(
        "When every prediction is *below* (or every one above) the truth, your metric reports 0 "
        "or a negative number: take the absolute value of the errors, "
        "`ops.abs(y_true - y_pred)`, before their maximum.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "batch-mean": Hint(
        "After one batch your metric reports the batch's *mean* absolute error; it should report "
        "the largest one, `ops.max(...)`.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "batch-max": Hint(
        "After one batch with absolute errors 1, 4 and 1.5 the metric should report 4.0, the "
        "largest of them; check what `update_state` stores and `result` returns.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "keeps-last-batch": Hint(
        "After a batch whose worst error is 4 and then one whose worst is 1, your metric "
        "reports 1: it forgets earlier batches. Keep the larger of the stored value and the "
        "batch's maximum: `assign(ops.maximum(stored, batch_max))`.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "adds-up": Hint(
        "After batches whose worst errors are 4 and 1 your metric reports 5: `assign_add` adds "
        "the maxima up. Keep the larger one instead: `assign(ops.maximum(stored, batch_max))`.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "across-batches": Hint(
        "After batches whose worst errors are 4 and then 1 the metric should report 4.0, the "
        "largest error seen in any batch since the last reset: in `update_state`, assign the "
        "larger of the stored value and the batch's maximum.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "reset": Hint(
        "After `reset_state()` the metric should report 0.0 again. The inherited `reset_state` "
        "assigns zeros to every state variable: keep it, or make yours start from 0.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "init-kwargs": Hint(
        "`MaxAbsoluteError.from_config(metric.get_config())` fails: the config holds `name` and "
        "`dtype`, so `__init__` must accept `**kwargs` and pass them on with "
        "`super().__init__(name=name, **kwargs)`.",
        see="07-custom-layers#config-returns-init-args",
    ),
    "sample-weight-arg": Hint(
        "`update_state` has no `sample_weight` parameter, and `fit` and `evaluate` call "
        "`update_state(y_true, y_pred, sample_weight=...)`: accept `sample_weight=None` even if "
        "you ignore it.",
        see="07-custom-layers#metrics-keep-totals",
    ),
    "in-evaluate": Hint(
        "In `model.evaluate(..., batch_size=2)` your metric failed or did not report the largest "
        "absolute error over all the batches. There it gets the backend's tensors inside a "
        "compiled step: compute with `keras.ops` and store with `assign`, not NumPy.",
        see="07-custom-layers#metrics-keep-totals",
    ),
}


def _value(metric):
    return float(ops.convert_to_numpy(metric.result()))


def _after(cls, *batches):
    metric = cls()
    with calling("update-fails"):
        for y_true, y_pred in batches:
            metric.update_state(np.array(y_true, "float32"), np.array(y_pred, "float32"))
        return metric, _value(metric)


def check(answer):
    cls = answer.MaxAbsoluteError
    require(isinstance(cls, type) and issubclass(cls, keras.metrics.Metric), "not-a-metric")
    with calling("init-super"):
        metric = cls()
    require(len(metric.variables) >= 1, "state-in-variables")
    with calling("update-fails"):
        initial = metric.result()
    require(not isinstance(initial, keras.Variable), "result-variable")

    zeros = [[0.0], [0.0], [0.0]]
    _, above = _after(cls, (zeros, [[1.0], [4.0], [1.5]]))
    _, below = _after(cls, (zeros, [[-1.0], [-4.0], [-1.5]]))
    require(above > 0.01 and below > 0.01, "no-abs")
    require(not np.isclose(above, 6.5 / 3), "batch-mean")
    require(np.isclose(above, 4.0) and np.isclose(below, 4.0), "batch-max")

    metric, seen = _after(cls, (zeros, [[1.0], [-4.0], [1.5]]), ([[2.0]], [[1.0]]))
    require(not np.isclose(seen, 1.0), "keeps-last-batch")
    require(not np.isclose(seen, 5.0), "adds-up")
    require(np.isclose(seen, 4.0), "across-batches")
    with calling("reset"):
        metric.reset_state()
        after_reset = _value(metric)
    require(np.isclose(after_reset, 0.0), "reset")

    with calling("init-kwargs"):
        copy = cls.from_config(cls(name="worst").get_config())
    require(copy.name == "worst", "init-kwargs")

    model = keras.Sequential([keras.Input(shape=(1,)), layers.Identity()])
    model.compile(loss="mse", metrics=[cls(name="worst")])
    y_true = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]], "float32")
    y_pred = np.array([[0.5], [1.0], [-1.0], [3.5], [4.0], [6.0]], "float32")
    update = inspect.signature(cls.update_state).parameters
    require(
        "sample_weight" in update or any(p.kind is p.VAR_KEYWORD for p in update.values()),
        "sample-weight-arg",
    )
    with calling("in-evaluate"):
        logs = model.evaluate(y_pred, y_true, batch_size=2, verbose=0, return_dict=True)
    require(np.isclose(logs.get("worst", np.nan), 3.0), "in-evaluate")
