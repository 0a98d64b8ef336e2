# expect: mean-not-sum
# Adds the weighted squared errors up instead of averaging them.
import keras
from keras import layers, ops


class CautiousModel(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        weight = ops.where(y_pred < y, 2.0, 1.0)
        return ops.sum(weight * ops.square(y - y_pred))
