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


# On the page's `scheduled` model, fit(..., epochs=3, callbacks=[StopBelow(1e9)]) runs exactly
# one epoch: any finite loss is below 1e9, so the flag is set at the end of epoch 0 and fit stops.
# Only the comparison matters, not the loss itself, so the answer is the same on every backend
# and every run; a real threshold, such as 0.05, would make it depend on how training goes.
