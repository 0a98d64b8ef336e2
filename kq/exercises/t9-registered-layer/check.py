"""A custom layer that survives a save

A registered layer with a setting and a weight, which `keras.saving.load_model` rebuilds from a
`.keras` file without `custom_objects`.
"""

import keras
import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 9

HINTS = {
    "register-parens": Hint(
        "`LearnedScale` is a function called `decorator`, not your class: "
        "`register_keras_serializable` makes a decorator when you call it. Write it with its "
        'arguments: `@keras.saving.register_keras_serializable(package="course")`.',
        see="09-saving#custom-objects",
    ),
    "not-a-layer": Hint(
        "`LearnedScale` must be a class that subclasses `keras.layers.Layer`.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "not-registered": Hint(
        "`LearnedScale` is not registered, so a file that uses it names a class "
        "`load_model` cannot find. Decorate the class with "
        '`@keras.saving.register_keras_serializable(package="course")`.',
        see="09-saving#custom-objects",
    ),
    "package-name": Hint(
        'The layer is registered, but not as `"course>LearnedScale"`: pass '
        '`package="course"` and keep the class\'s own name.',
        see="09-saving#custom-objects",
    ),
    "init-kwargs": Hint(
        "`LearnedScale(initial=3.0, name=...)` fails: `__init__` must take `initial=1.0` and "
        "`**kwargs`, and pass the kwargs to `super().__init__(**kwargs)`.",
        see="07-custom-layers#config-returns-init-args",
    ),
    "call-fails": Hint(
        "Calling the layer on a batch raised an error; `build` should create one weight per "
        "feature with `add_weight`, and `call` return `inputs * self.scale`.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "one-per-feature": Hint(
        "On inputs with 3 features the layer should have exactly 3 trainable parameters: "
        "`self.add_weight(shape=(input_shape[-1],), ...)` in `build`.",
        see="07-custom-layers#count-params-counts-state",
    ),
    "initial-value": Hint(
        "`LearnedScale(initial=3.0)` should start by multiplying by 3: give the weight "
        "`initializer=keras.initializers.Constant(self.initial)`.",
        see="07-custom-layers#config-returns-init-args",
    ),
    "config-super": Hint(
        "`get_config()` lost the layer's `name` (and `dtype`): start from "
        '`config = super().get_config()` and add `"initial"` to it.',
        see="07-custom-layers#config-returns-init-args",
    ),
    "config-initial": Hint(
        '`get_config()` has no `"initial"`, so a loaded layer would start from the default '
        'instead. Add it: `config.update({"initial": self.initial})`.',
        see="07-custom-layers#config-returns-init-args",
    ),
    "load-fails": Hint(
        "`keras.saving.load_model` could not rebuild a model that uses your layer; "
        "`LearnedScale(**layer.get_config())` must work, for every key `get_config` returns.",
        see="09-saving#custom-objects",
    ),
    "weights-restored": Hint(
        "The loaded model does not predict what the saved one did: the learned weight must "
        "be created with `add_weight` in `build`, so that saving stores it and loading "
        "puts it back.",
        see="09-saving#load-model-rebuilds-all",
    ),
}


def check(answer):
    cls = answer.LearnedScale
    require(getattr(cls, "__name__", "") != "decorator", "register-parens")
    require(isinstance(cls, type) and issubclass(cls, layers.Layer), "not-a-layer")
    registered = keras.saving.get_registered_name(cls)
    require(registered != cls.__name__, "not-registered")
    require(registered == "course>LearnedScale", "package-name")

    with calling("init-kwargs"):
        layer = cls(initial=3.0, name="triple")
    x = np.arange(6, dtype="float32").reshape(2, 3)
    with calling("call-fails"):
        out = ops.convert_to_numpy(layer(x))
    require(len(layer.trainable_weights) == 1 and layer.count_params() == 3, "one-per-feature")
    require(np.allclose(out, 3.0 * x), "initial-value")
    config = layer.get_config()
    require(config.get("name") == "triple" and "dtype" in config, "config-super")
    require(config.get("initial") == 3.0, "config-initial")

    inputs = keras.Input(shape=(3,))
    model = keras.Model(inputs, cls(initial=3.0, name="scaled")(inputs))
    model.get_layer("scaled").trainable_weights[0].assign(np.array([1.0, -2.0, 0.5], "float32"))
    model.save("scaled.keras")
    with calling("load-fails"):
        loaded = keras.saving.load_model("scaled.keras")
        again = ops.convert_to_numpy(loaded(x))
    require(np.allclose(again, x * np.array([1.0, -2.0, 0.5], "float32")), "weights-restored")
