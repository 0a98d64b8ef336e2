# expect: config-initial
# Overrides get_config but returns only the base config, without initial.
import keras
from keras import layers


@keras.saving.register_keras_serializable(package="course")
class LearnedScale(layers.Layer):
    def __init__(self, initial=1.0, **kwargs):
        super().__init__(**kwargs)
        self.initial = initial

    def build(self, input_shape):
        self.scale = self.add_weight(
            shape=(input_shape[-1],),
            initializer=keras.initializers.Constant(self.initial),
            name="scale",
        )

    def call(self, inputs):
        return inputs * self.scale

    def get_config(self):
        return super().get_config()
