# expect: layer-in-call
# Creates the Dense layer inside call, so a new, untracked layer is made at every call.
import keras
from keras import layers, ops


class CautiousModel(keras.Model):
    def call(self, inputs):
        return layers.Dense(1)(inputs)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        weight = ops.where(y_pred < y, 2.0, 1.0)
        return ops.mean(weight * ops.square(y - y_pred))
