import keras


class StopBelow(keras.callbacks.Callback):
    """Stops training after the first epoch whose training loss is below `threshold`."""

    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def on_epoch_end(self, epoch, logs=None):
        # fit checks the model's flag after this hook and ends the loop.
        if logs["loss"] < self.threshold:
            self.model.stop_training = True


# Any finite loss is below 1e9, so StopBelow(1e9) always stops after exactly one epoch,
# whatever the losses themselves are on this run or backend: only the comparison matters.
