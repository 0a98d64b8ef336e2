import math

import keras
import numpy as np


class WindowDataset(keras.utils.PyDataset):
    """Overlapping windows of `window` values, each paired with the value that follows it."""

    def __init__(self, series, window, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.series = np.asarray(series, dtype="float32")
        self.window = window
        self.batch_size = batch_size
        # A series of n values has n - window windows that still have a value after them.
        self.num_windows = len(self.series) - window

    def __len__(self):
        return math.ceil(self.num_windows / self.batch_size)

    def __getitem__(self, index):
        first = index * self.batch_size
        stop = min(first + self.batch_size, self.num_windows)
        starts = np.arange(first, stop)
        inputs = np.stack([self.series[s : s + self.window] for s in starts])
        targets = self.series[starts + self.window]
        return inputs[..., None], targets[:, None]


# To shuffle the windows between epochs, keep a permutation of the start positions and redraw
# it in on_epoch_end, as RegressionBatches does on the page.
