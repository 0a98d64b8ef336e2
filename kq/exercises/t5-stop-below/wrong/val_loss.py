# expect: logs-key
# Reads logs["val_loss"], which fit only logs when it has validation data.
import keras


class StopBelow(keras.callbacks.Callback):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def on_epoch_end(self, epoch, logs=None):
        if logs["val_loss"] < self.threshold:
            self.model.stop_training = True
