# expect: tf-ops
# Keeps Keras 2's K.mean from tensorflow.keras.backend, which is TensorFlow code.
import os

import keras
from keras import layers, ops
from tensorflow.keras import backend as K


@keras.saving.register_keras_serializable(package="course")
class CenteredGate(layers.Layer):
    def build(self, input_shape):
        self.gate = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="gate")

    def call(self, x):
        return x * ops.sigmoid(self.gate) - K.mean(x, axis=-1, keepdims=True)


def build_model():
    return keras.Sequential([keras.Input(shape=(8,)), CenteredGate(), layers.Dense(3)])


def save_ported(model, folder):
    path = os.path.join(folder, "gate_model.keras")
    model.save(path)
    return path
