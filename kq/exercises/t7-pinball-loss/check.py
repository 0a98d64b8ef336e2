"""A quantile loss with a setting

A `keras.losses.Loss` for quantile regression: one value per sample, a `quantile` setting kept in
its config.
"""

import keras
import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 7

HINTS = {
    "not-a-loss": Hint(
        "`PinballLoss` must be a class that subclasses `keras.losses.Loss`; its `call(y_true, "
        "y_pred)` gives the per-sample values and the base class averages them.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "init-kwargs": Hint(
        "`PinballLoss(quantile=0.9, name=...)` fails: `__init__` must take `quantile=0.5`, "
        'a `name="pinball"` and `**kwargs`, and pass them on with '
        "`super().__init__(name=name, **kwargs)`.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "python-max": Hint(
        "`call` used Python's `max` (or an `if`) on tensors with many values, which have no "
        "single truth value. Take the larger value per element with `ops.maximum(a, b)`.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "call-fails": Hint(
        "`loss.call(y_true, y_pred)` raised an error on a batch of shape `(4, 1)`; compute the "
        "per-sample loss from the two tensors with `keras.ops`.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "per-sample": Hint(
        "`call` returns one number for the whole batch; it must return one value per sample "
        "(shape `(batch,)`): average over the last axis only, `ops.mean(..., axis=-1)`. The "
        "base class then reduces over the batch and applies `sample_weight`.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "sign": Hint(
        "Your loss charges `quantile` for *over*-predictions. With `error = y_true - y_pred`, an "
        "under-prediction (error > 0) costs `quantile * error` and an over-prediction "
        "`(quantile - 1) * error`: `ops.maximum(quantile * error, (quantile - 1) * error)`.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "quantile": Hint(
        "`PinballLoss(quantile=0.9)` gives the same values as `quantile=0.5`: use "
        "`self.quantile` in `call`, not a number written into the code.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "wrong-value": Hint(
        "For `quantile=0.9`, targets [1, 1] and predictions [0, 3] the loss should be "
        "(0.9 × 1 + 0.1 × 2) / 2 = 0.55: `ops.maximum(q * error, (q - 1) * error)` with "
        "`error = y_true - y_pred`, averaged.",
        see="07-custom-layers#losses-return-per-sample",
    ),
    "config": Hint(
        "`PinballLoss.from_config(loss.get_config())` does not give back `quantile=0.9`: "
        'extend `get_config` with it, `{**super().get_config(), "quantile": self.quantile}`.',
        see="07-custom-layers#config-returns-init-args",
    ),
    "fit-fails": Hint(
        "Your loss works on arrays, but `fit` failed with it: there `call` gets tensors being "
        "traced or tracked for gradients, where NumPy cannot go. Use `keras.ops` throughout.",
        see="07-custom-layers#losses-return-per-sample",
    ),
}


def check(answer):
    cls = answer.PinballLoss
    require(isinstance(cls, type) and issubclass(cls, keras.losses.Loss), "not-a-loss")
    with calling("init-kwargs"):
        loss = cls(quantile=0.9, name="p90")

    y_true = np.array([[1.0], [1.0], [2.0], [0.0]], "float32")
    y_pred = np.array([[0.0], [3.0], [2.0], [1.0]], "float32")
    try:
        per_sample = loss.call(y_true, y_pred)
        failure = None
    except Exception as exc:  # noqa: BLE001 - which error it is decides the hint
        failure = exc
    if failure is not None:
        ambiguous = "ambiguous" in str(failure) or "truth value" in str(failure)
        with calling("python-max" if ambiguous else "call-fails"):
            raise failure
    shape = tuple(ops.convert_to_numpy(per_sample).shape)
    require(len(shape) >= 1 and shape[0] == 4, "per-sample")

    with calling("call-fails"):
        value = float(ops.convert_to_numpy(loss(y_true[:2], y_pred[:2])))
    require(not np.isclose(value, 0.95), "sign")
    require(not np.isclose(value, 0.75), "quantile")
    require(np.isclose(value, 0.55, atol=1e-5), "wrong-value")

    with calling("config"):
        copy = cls.from_config(loss.get_config())
    require(getattr(copy, "quantile", None) == 0.9 and copy.name == "p90", "config")

    model = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss=cls(quantile=0.9))
    with calling("fit-fails"):
        model.fit(y_true, y_true, batch_size=2, epochs=1, verbose=0)
