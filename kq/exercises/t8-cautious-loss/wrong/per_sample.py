# expect: not-scalar
# Returns the weighted squared error of each sample, as a Loss's call would, without the mean.
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
        return weight * ops.square(y - y_pred)
