# expect: init-threshold
# Gives __init__ no threshold parameter and reads a class attribute instead.
import keras


class StopBelow(keras.callbacks.Callback):
    threshold = 0.05

    def on_epoch_end(self, epoch, logs=None):
        if logs["loss"] < self.threshold:
            self.model.stop_training = True
