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

    def __len__(self):
        return 0  # the number of batches

    def __getitem__(self, index):
        # Return batch number `index`: (inputs of shape (batch, window, 1), targets (batch, 1)).
        raise NotImplementedError
