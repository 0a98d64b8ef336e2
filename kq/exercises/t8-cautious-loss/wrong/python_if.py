# expect: python-if
# Chooses the weight with a Python if, as if the batch held one number.
import keras
from keras import layers, ops


class CautiousModel(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        if y_pred < y:
            return ops.mean(2.0 * ops.square(y - y_pred))
        return ops.mean(ops.square(y - y_pred))
