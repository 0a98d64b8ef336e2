# expect: add-weight-name
# Keeps Keras 2's add_weight("gate", ...), with the name as first positional argument.
import os

import keras
from keras import layers, ops


@keras.saving.register_keras_serializable(package="course")
class CenteredGate(layers.Layer):
    def build(self, input_shape):
        self.gate = self.add_weight("gate", shape=(input_shape[-1],), initializer="zeros")

    def call(self, x):
        return x * ops.sigmoid(self.gate) - ops.mean(x, axis=-1, keepdims=True)


def build_model():
    return keras.Sequential([keras.Input(shape=(8,)), CenteredGate(), layers.Dense(3)])


def save_ported(model, folder):
    path = os.path.join(folder, "gate_model.keras")
    model.save(path)
    return path
