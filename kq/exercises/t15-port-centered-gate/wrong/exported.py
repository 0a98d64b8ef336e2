# expect: exported
# Follows Keras's advice for SavedModel and exports the model, which load_model cannot read.
import os

import keras
from keras import layers, ops


@keras.saving.register_keras_serializable(package="course")
class CenteredGate(layers.Layer):
    def build(self, input_shape):
        self.gate = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="gate")

    def call(self, x):
        return x * ops.sigmoid(self.gate) - ops.mean(x, axis=-1, keepdims=True)


def build_model():
    return keras.Sequential([keras.Input(shape=(8,)), CenteredGate(), layers.Dense(3)])


def save_ported(model, folder):
    path = os.path.join(folder, "gate_model")
    model.export(path)
    return path
