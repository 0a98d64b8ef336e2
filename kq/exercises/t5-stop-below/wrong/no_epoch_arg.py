# expect: hook-fails
# Leaves the epoch number out of on_epoch_end's parameters, so fit's call passes one too many.
import keras


class StopBelow(keras.callbacks.Callback):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def on_epoch_end(self, logs=None):
        if logs["loss"] < self.threshold:
            self.model.stop_training = True
