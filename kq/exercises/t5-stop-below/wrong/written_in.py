# expect: uses-threshold
# Compares with the number from the page's test (1e9) instead of the threshold it was given.
import keras


class StopBelow(keras.callbacks.Callback):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def on_epoch_end(self, epoch, logs=None):
        if logs["loss"] < 1e9:
            self.model.stop_training = True
