import keras
from keras import layers, ops


class CautiousModel(keras.Model):
    """One Dense(1) layer; under-predictions (y_pred < y) cost twice as much."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        error = y - y_pred
        weight = ops.where(error > 0, 2.0, 1.0)  # y_pred < y means error > 0
        return ops.mean(weight * ops.square(error))


# compile() needs no loss: this compute_loss does not use it. And no backend tab is needed:
# fit's own, backend-specific train_step does the gradient work and calls this compute_loss,
# which uses only keras.ops.
