"""Windows over a series, as a PyDataset

`WindowDataset(series, window, batch_size)` cuts a 1-D array into overlapping windows, each
paired with the value that follows it, in batches.
"""

import keras
import numpy as np

from kq.checking import Hint, calling, require

TRACK = 6

HINTS = {
    "not-a-pydataset": Hint(
        "`WindowDataset` must be a class that subclasses `keras.utils.PyDataset`.",
        see="06-data#pydataset-counts-batches",
    ),
    "init-kwargs": Hint(
        "`WindowDataset(series, 3, 4, workers=2)` must create a dataset with 2 workers: accept "
        "`**kwargs` in `__init__` and pass them on with `super().__init__(**kwargs)`.",
        see="06-data#pydataset-counts-batches",
    ),
    "len-counts-batches": Hint(
        "`len()` of your dataset is the number of windows. `__len__` returns the number of "
        "*batches* in an epoch: `math.ceil(number_of_windows / batch_size)`.",
        see="06-data#pydataset-counts-batches",
    ),
    "len-ceil": Hint(
        "`len()` should be 2 here: 7 windows in batches of 4 make 2 batches, the last one "
        "shorter. Count with `math.ceil(number_of_windows / batch_size)`; `//` rounds down and "
        "drops the last batch.",
        see="06-data#pydataset-counts-batches",
    ),
    "getitem-fails": Hint(
        "Reading the first batch, `dataset[0]`, raised an error. `__getitem__(self, index)` "
        "returns a tuple `(inputs, targets)` for batch number `index`.",
        see="06-data#pydataset-counts-batches",
    ),
    "feature-axis": Hint(
        "Inputs should have shape `(batch, window, 1)`: one feature per time step. Add the last "
        "axis, for example `inputs[..., None]`.",
        see="06-data#time-series-windows",
    ),
    "target-shape": Hint(
        "Targets should have shape `(batch, 1)`, one value per window, like the outputs of a "
        "`Dense(1)`: for example `targets[:, None]`.",
        see="06-data#time-series-windows",
    ),
    "window-values": Hint(
        "Batch `i` should start at window `i * batch_size`, each window one step after the "
        "previous: for `np.arange(10)`, `window=3`, `batch_size=4`, batch 0 holds `[0, 1, 2]` "
        "to `[3, 4, 5]` and batch 1 starts with `[4, 5, 6]`.",
        see="06-data#time-series-windows",
    ),
    "target-after-window": Hint(
        "Each window's target should be the value right *after* it (3 for `[0, 1, 2]`): "
        "`series[start + window]`, not the window's own last value.",
        see="06-data#time-series-windows",
    ),
    "last-batch": Hint(
        "The last batch should hold only the windows that remain: 3 for `np.arange(10)`. A "
        "series of `n` values has `n - window` windows with a value after them; stop there.",
        see="06-data#time-series-windows",
    ),
    "other-sizes": Hint(
        "Your dataset is right for the example but not for `window=5`, `batch_size=4` on 20 "
        "values: use `self.window` and `self.batch_size` everywhere, not the example's numbers.",
        see="06-data#time-series-windows",
    ),
    "fit-fails": Hint(
        "`fit` on your dataset raised an error: every batch must be a tuple `(inputs, targets)` "
        "of arrays with the shapes above.",
        see="06-data#what-fit-accepts",
    ),
}


def _batch(dataset, index):
    inputs, targets = dataset[index]
    return np.asarray(inputs), np.asarray(targets)


def check(answer):
    cls = answer.WindowDataset
    require(isinstance(cls, type) and issubclass(cls, keras.utils.PyDataset), "not-a-pydataset")
    series = np.arange(10)
    with calling("init-kwargs"):
        dataset = cls(series, 3, 4, workers=2)
    require(dataset.workers == 2, "init-kwargs")
    require(len(dataset) != 7, "len-counts-batches")
    require(len(dataset) == 2, "len-ceil")
    with calling("getitem-fails"):
        inputs, targets = _batch(dataset, 0)
    require(inputs.shape == (4, 3, 1), "feature-axis")
    require(targets.shape == (4, 1), "target-shape")
    starts = np.arange(4)[:, None]
    require(np.allclose(inputs[..., 0], starts + np.arange(3)), "window-values")
    require(np.allclose(targets[:, 0], [3, 4, 5, 6]), "target-after-window")
    with calling("last-batch"):
        last_inputs, last_targets = _batch(dataset, 1)
    require(np.allclose(last_inputs[0, :, 0], [4, 5, 6]), "window-values")
    require(last_inputs.shape == (3, 3, 1) and last_targets.shape == (3, 1), "last-batch")
    require(np.allclose(last_targets[:, 0], [7, 8, 9]), "last-batch")
    # Another series, window and batch size: 15 windows in batches of 4.
    halves = np.arange(20) / 2
    with calling("other-sizes"):
        other = cls(halves, window=5, batch_size=4)
        ok = len(other) == 4
        third_inputs, third_targets = _batch(other, 3)
    ok = ok and third_inputs.shape == (3, 5, 1) and third_targets.shape == (3, 1)
    require(ok and np.allclose(third_inputs[0, :, 0], halves[12:17]), "other-sizes")
    require(np.allclose(third_targets[:, 0], halves[17:20]), "other-sizes")
    model = keras.Sequential(
        [keras.Input(shape=(3, 1)), keras.layers.Flatten(), keras.layers.Dense(1)]
    )
    model.compile(optimizer="sgd", loss="mse", run_eagerly=True)
    with calling("fit-fails"):
        model.fit(cls(series.astype("float32"), 3, 4), epochs=1, verbose=0)
