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
        return ops.mean(ops.square(y - y_pred))  # weigh the under-predictions twice
