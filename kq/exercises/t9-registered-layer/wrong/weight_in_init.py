# expect: hard-coded-size
# Creates the weight in __init__ with the example's 3 features written in.
import keras
from keras import layers


@keras.saving.register_keras_serializable(package="course")
class LearnedScale(layers.Layer):
    def __init__(self, initial=1.0, **kwargs):
        super().__init__(**kwargs)
        self.initial = initial
        self.scale = self.add_weight(
            shape=(3,), initializer=keras.initializers.Constant(initial), name="scale"
        )

    def call(self, inputs):
        return inputs * self.scale

    def get_config(self):
        config = super().get_config()
        config.update({"initial": self.initial})
        return config
