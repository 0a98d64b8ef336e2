"""Tuning the batch size with a HyperModel

A `kt.HyperModel` whose `fit` registers the batch size and hands it to `model.fit`.
"""

import keras
import keras_tuner as kt
import numpy as np

from kq.checking import Hint, calling, require

TRACK = 13

HINTS = {
    "not-hypermodel": Hint(
        "`TunedBatchSize` must be a class that subclasses `kt.HyperModel` (with "
        "`import keras_tuner as kt`).",
        see="13-tuning#custom-objectives",
    ),
    "init-fails": Hint(
        "`TunedBatchSize()` raised an error: the check creates it with no arguments. If you "
        "write an `__init__`, give its arguments defaults and call `super().__init__()`.",
        see="13-tuning#executions-per-trial",
    ),
    "build-fails": Hint(
        "`build(hp)` raised an error on a fresh `kt.HyperParameters()`: it should return a "
        "compiled model for inputs of 8 features with one sigmoid output.",
        see="13-tuning#model-building-function",
    ),
    "not-compiled": Hint(
        "`build(hp)` must return a Keras model, compiled: the tuner hands it straight to your "
        "`fit`. Call `model.compile(...)` before returning it.",
        see="13-tuning#model-building-function",
    ),
    "fit-signature": Hint(
        "Calling `fit(hp, model, x, y, epochs=1, ...)` raised an error. The tuner calls it with "
        "the trial's `hp` first, then the model, then everything you passed to `search`: write "
        "`def fit(self, hp, model, *args, **kwargs):` and train with "
        "`model.fit(*args, batch_size=..., **kwargs)`.",
        see="13-tuning#custom-objectives",
    ),
    "batch-not-registered": Hint(
        "After `fit`, `hp` holds no `batch_size`: the tuner only tunes what you register. Inside "
        '`fit`, write `batch_size = hp.Choice("batch_size", [16, 64])`.',
        see="13-tuning#describing-search-space",
    ),
    "batch-values": Hint(
        'The batch size must be `hp.Choice("batch_size", [16, 64])`: a choice between exactly '
        "those two values.",
        see="13-tuning#describing-search-space",
    ),
    "kwargs-dropped": Hint(
        "The callbacks passed to `fit` never ran: your `fit` drops the keyword arguments the "
        "tuner passes on from `search` (`epochs`, `validation_data`, `callbacks`...). Pass them "
        "on: `model.fit(*args, batch_size=batch_size, **kwargs)`.",
        see="13-tuning#custom-objectives",
    ),
    "batch-not-used": Hint(
        "The model did not train with the batch size `hp` chose: 64 samples with a batch of 16 "
        "should take 4 steps. Pass the value to training: `model.fit(*args, "
        "batch_size=batch_size, **kwargs)`.",
        see="13-tuning#custom-objectives",
    ),
    "return-history": Hint(
        "`fit` must return what `model.fit` returns: the tuner reads the objective from that "
        "`History` (KerasTuner refuses a `None`). Write `return model.fit(...)`.",
        see="13-tuning#custom-objectives",
    ),
}


class _StepCounter(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.steps = 0

    def on_train_batch_end(self, batch, logs=None):
        self.steps += 1


def check(answer):
    cls = answer.TunedBatchSize
    require(isinstance(cls, type) and issubclass(cls, kt.HyperModel), "not-hypermodel")
    with calling("init-fails"):
        hypermodel = cls()
    hp = kt.HyperParameters()
    with calling("build-fails"):
        model = hypermodel.build(hp)
    require(isinstance(model, keras.Model) and model.compiled, "not-compiled")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 8)).astype("float32")
    y = (x[:, 0] + x[:, 1] > 0).astype("float32").reshape(-1, 1)
    counter = _StepCounter()
    with calling("fit-signature"):
        history = hypermodel.fit(
            hp,
            model,
            x,
            y,
            epochs=1,
            callbacks=[counter],
            verbose=0,
        )
    space = {p.name: p for p in hp.space}
    require("batch_size" in space, "batch-not-registered")
    batch = space["batch_size"]
    require(
        isinstance(batch, kt.engine.hyperparameters.Choice) and list(batch.values) == [16, 64],
        "batch-values",
    )
    require(counter.steps > 0, "kwargs-dropped")
    require(counter.steps == 64 // hp.get("batch_size"), "batch-not-used")
    require(
        isinstance(history, keras.callbacks.History) and len(history.history["loss"]) == 1,
        "return-history",
    )
