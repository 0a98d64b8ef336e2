# expect: init-kwargs
# Writes an __init__ without **kwargs, so name= never reaches keras.Model.
import keras
from keras import layers, ops


class CautiousModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        weight = ops.where(y_pred < y, 2.0, 1.0)
        return ops.mean(weight * ops.square(y - y_pred))
