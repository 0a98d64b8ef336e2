# expect: never-stops
# Sets stop_training on the callback itself instead of on the model.
import keras


class StopBelow(keras.callbacks.Callback):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def on_epoch_end(self, epoch, logs=None):
        if logs["loss"] < self.threshold:
            self.stop_training = True
