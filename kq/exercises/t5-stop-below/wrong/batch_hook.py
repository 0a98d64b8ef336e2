# expect: stop-at-epoch-end
# Watches the loss after every batch, so training stops in the middle of the first epoch.
import keras


class StopBelow(keras.callbacks.Callback):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def on_train_batch_end(self, batch, logs=None):
        if logs["loss"] < self.threshold:
            self.model.stop_training = True
