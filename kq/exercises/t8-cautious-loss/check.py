"""A loss that punishes under-predictions twice

A model whose `compute_loss` counts predictions below the target twice as much as those above.
"""

import keras
import numpy as np
from keras import ops

from kq.checking import Hint, calling, require

TRACK = 8

HINTS = {
    "not-a-model": Hint(
        "`CautiousModel` must be a class that subclasses `keras.Model`, so that `compile` and "
        "`fit` can use it and call your `compute_loss`.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "init-kwargs": Hint(
        "`CautiousModel(name=...)` fails: your `__init__` must accept `**kwargs` and pass them "
        "to `super().__init__(**kwargs)` before it creates the layer.",
        see="07-custom-layers#subclassed-models-build-late",
    ),
    "call-fails": Hint(
        "Calling the model on a batch of shape `(batch, 4)` failed or did not return shape "
        "`(batch, 1)`; `call(self, inputs)` should return `self.dense(inputs)`, a `Dense(1)` "
        "created in `__init__`.",
        see="07-custom-layers#subclassed-models-build-late",
    ),
    "layer-in-call": Hint(
        "After a call on 4 features the model should own 5 weights (a 4 × 1 kernel and a bias), "
        "but it has none: a layer created inside `call` is new at every call and never "
        "tracked. Create `self.dense = layers.Dense(1)` in `__init__`.",
        see="07-custom-layers#nested-layers-are-tracked",
    ),
    "python-if": Hint(
        "`compute_loss` used a Python `if` on a tensor with many values, which has no single "
        "truth value. Choose per element instead: `ops.where(y_pred < y, 2.0, 1.0)`.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "loss-fails": Hint(
        "`model.compute_loss(x=..., y=..., y_pred=..., sample_weight=None, training=True)` "
        "raised an error; keep that signature and compute the loss from `y` and `y_pred` "
        "with `keras.ops`.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "not-scalar": Hint(
        "`compute_loss` must return one number for the batch, but yours returns one value per "
        "sample. Finish with `ops.mean(...)` over the weighted squared errors.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "reversed": Hint(
        "Your loss doubles the *over*-predictions. An under-prediction is `y_pred < y`, that is "
        "`y - y_pred > 0`: those are the errors that count twice.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "mean-not-sum": Hint(
        "Your loss is the *sum* of the weighted squared errors, so it grows with the batch "
        "size; take their mean with `ops.mean`.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "squared": Hint(
        "Your loss weighs the absolute errors; the task asks for squared errors, "
        "`ops.square(y - y_pred)`, counted twice where `y_pred < y`.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "wrong-value": Hint(
        "For targets [1, 1, 1] and predictions [0, 3, 1] the loss should be "
        "(2 × 1² + 2² + 0²) / 3 = 2.0: twice the squared error where `y_pred < y`, the squared "
        "error elsewhere, averaged.",
        see="08-custom-training#compute-loss-is-portable",
    ),
    "fit-fails": Hint(
        "`compute_loss` works on arrays but `fit` failed: there it runs inside the backend's "
        "training step, on tensors being traced or tracked for gradients, where NumPy cannot "
        "go. Use `keras.ops` (`ops.where`, `ops.square`, `ops.mean`) throughout.",
        see="08-custom-training#compute-loss-is-portable",
    ),
}


def check(answer):
    cls = answer.CautiousModel
    require(isinstance(cls, type) and issubclass(cls, keras.Model), "not-a-model")
    with calling("init-kwargs"):
        model = cls(name="cautious")
    x = np.linspace(-1.0, 1.0, 32, dtype="float32").reshape(8, 4)
    with calling("call-fails"):
        out = ops.convert_to_numpy(model(x))
    require(out.shape == (8, 1), "call-fails")
    require(model.count_params() == 5, "layer-in-call")

    y = np.array([[1.0], [1.0], [1.0]], "float32")
    y_pred = np.array([[0.0], [3.0], [1.0]], "float32")
    failure = None
    try:
        loss = model.compute_loss(x=x[:3], y=y, y_pred=y_pred, sample_weight=None, training=True)
    except Exception as exc:  # noqa: BLE001 - which error it is decides the hint
        failure = exc
    if failure is not None:
        with calling("python-if" if "ambiguous" in str(failure) else "loss-fails"):
            raise failure
    with calling("loss-fails"):
        loss = np.asarray(ops.convert_to_numpy(loss), dtype="float64")
    require(loss.size == 1, "not-scalar")
    value = float(loss.reshape(()))
    require(not np.isclose(value, 3.0), "reversed")
    require(not np.isclose(value, 6.0), "mean-not-sum")
    require(not np.isclose(value, 4.0 / 3.0), "squared")
    require(np.isclose(value, 2.0, atol=1e-5), "wrong-value")

    model.compile(optimizer="adam")
    targets = x @ np.array([[1.0], [-2.0], [0.5], [3.0]], "float32")
    with calling("fit-fails"):
        history = model.fit(x, targets, batch_size=4, epochs=2, verbose=0)
    require(len(history.history.get("loss", [])) == 2, "fit-fails")
