import keras


class StopBelow(keras.callbacks.Callback):
    """Stops training after the first epoch whose training loss is below `threshold`."""

    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    # Override the hook that runs at the end of each epoch, and stop training there.
