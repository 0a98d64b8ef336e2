# expect: compare-below
# Turns the comparison around: stops while the loss is still above the threshold.
import keras


class StopBelow(keras.callbacks.Callback):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def on_epoch_end(self, epoch, logs=None):
        if logs["loss"] > self.threshold:
            self.model.stop_training = True
