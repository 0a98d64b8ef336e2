"""A callback that stops training below a loss

`StopBelow(threshold)` ends `fit` after the first epoch whose training loss is below `threshold`.
"""

import keras
import numpy as np

from kq.checking import Hint, calling, require

TRACK = 5

HINTS = {
    "not-a-callback": Hint(
        "`StopBelow` must be a class that subclasses `keras.callbacks.Callback`, so that `fit` "
        "can call its hooks.",
        see="05-training#custom-callback",
    ),
    "init-threshold": Hint(
        "`StopBelow(0.5)` and `StopBelow(threshold=0.5)` must both work: give `__init__` one "
        "parameter, `threshold`, keep it on `self`, and call `super().__init__()`.",
        see="05-training#custom-callback",
    ),
    "logs-key": Hint(
        "Training with your callback raised an error. Without validation data the `logs` that "
        '`on_epoch_end` receives hold `"loss"` (and the compiled metrics) but no `"val_loss"`: '
        'read `logs["loss"]`.',
        see="05-training#watched-value-must-exist",
    ),
    "stop-at-epoch-end": Hint(
        "Your callback stopped training in the middle of an epoch. `fit` checks "
        "`stop_training` after every batch, so set it in `on_epoch_end`, not in a batch hook.",
        see="05-training#custom-callback",
    ),
    "never-stops": Hint(
        "With a threshold above every loss, your callback never stopped training. A callback "
        "stops `fit` by setting the *model's* flag, `self.model.stop_training = True`; setting "
        "`self.stop_training` on the callback or returning a value does nothing.",
        see="05-training#custom-callback",
    ),
    "compare-below": Hint(
        "Your callback stops when the loss is *above* the threshold and lets training go on "
        'when it is below. Stop when `logs["loss"] < self.threshold`.',
        see="05-training#custom-callback",
    ),
    "uses-threshold": Hint(
        "Your callback stops even when the loss stays above the threshold it was given: compare "
        "with `self.threshold`, the number passed to `StopBelow(...)`, not a number written in "
        "the code.",
        see="05-training#custom-callback",
    ),
}


def _fit(callback):
    # SGD with learning rate 0 never moves the zero weights: every epoch's loss is exactly 1.0.
    model = keras.Sequential(
        [keras.Input(shape=(2,)), keras.layers.Dense(1, kernel_initializer="zeros")]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.0), loss="mse", run_eagerly=True)
    x = np.zeros((16, 2), dtype="float32")
    y = np.ones((16, 1), dtype="float32")
    history = model.fit(x, y, batch_size=4, epochs=3, verbose=0, callbacks=[callback])
    return len(history.epoch), int(model.optimizer.iterations)


def check(answer):
    cls = answer.StopBelow
    require(isinstance(cls, type) and issubclass(cls, keras.callbacks.Callback), "not-a-callback")
    with calling("init-threshold"):
        cls(threshold=2.0)
        below = cls(2.0)
        above = cls(0.5)
    with calling("logs-key"):
        stopped_epochs, stopped_steps = _fit(below)
    require(stopped_epochs > 1 or stopped_steps == 4, "stop-at-epoch-end")
    with calling("logs-key"):
        kept_epochs, _ = _fit(above)
    require(stopped_epochs == 1 or kept_epochs == 3, "compare-below")
    require(stopped_epochs == 1, "never-stops")
    require(kept_epochs == 3, "uses-threshold")
