# expect: len-ceil
# Counts batches with //, which drops the last, shorter batch.
import math

import keras
import numpy as np


class WindowDataset(keras.utils.PyDataset):
    def __init__(self, series, window, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.series = np.asarray(series, dtype="float32")
        self.window = window
        self.batch_size = batch_size
        self.num_windows = len(self.series) - window

    def __len__(self):
        return self.num_windows // self.batch_size

    def __getitem__(self, index):
        first = index * self.batch_size
        stop = min(first + self.batch_size, self.num_windows)
        starts = np.arange(first, stop)
        inputs = np.stack([self.series[s : s + self.window] for s in starts])
        targets = self.series[starts + self.window]
        return inputs[..., None], targets[:, None]
