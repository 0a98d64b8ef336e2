"""A learned shift per feature

A layer that adds one learned number per feature to its inputs, starting at zero.
"""

import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 7

HINTS = {
    "not-a-layer": Hint(
        "`LearnedShift` must be a class that subclasses `keras.layers.Layer`.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "init-kwargs": Hint(
        "`LearnedShift(name=...)` fails: an `__init__` of your own must accept `**kwargs` and "
        "pass them to `super().__init__(**kwargs)`, or `name`, `dtype` and `from_config` break.",
        see="07-custom-layers#config-returns-init-args",
    ),
    "weights-in-init": Hint(
        "Your layer has weights before it has seen an input: it creates them in `__init__`. "
        "Create them in `build(input_shape)`, where the number of features is known.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "call-fails": Hint(
        "Calling your layer on a batch raised an error; `call(self, inputs)` should return "
        "`inputs` plus the learned shift.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "shape-includes-batch": Hint(
        "Your weight has one number per *value* of the batch (shape `input_shape`); the batch "
        "size is not part of a weight. Use `shape=(input_shape[-1],)`: one per feature.",
        see="07-custom-layers#count-params-counts-state",
    ),
    "one-per-feature": Hint(
        "On inputs with 4 features the layer should have exactly 4 parameters, one learned "
        "number per feature, created with `self.add_weight(shape=(input_shape[-1],), ...)`.",
        see="07-custom-layers#count-params-counts-state",
    ),
    "not-trainable": Hint(
        "The shift is learned, so its weight must be trainable: leave `trainable=True` "
        "(the default) in `add_weight`.",
        see="07-custom-layers#count-params-counts-state",
    ),
    "multiplies": Hint(
        "Your layer multiplies its inputs by the weight; a shift *adds* it: `inputs + self.shift`.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "not-added": Hint(
        "With the shift set to [1, 2, 3, 4], the output should be the input plus those numbers, "
        "feature by feature; check what `call` returns.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "not-zero-init": Hint(
        "Before training the layer must change nothing: start the weight at zero with "
        '`initializer="zeros"`.',
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "hard-coded-size": Hint(
        "On inputs with 6 features your layer fails or does not have 6 parameters: the size "
        "is written into the code. Read it from `input_shape[-1]` in `build`.",
        see="07-custom-layers#layer-build-at-first-call",
    ),
    "config": Hint(
        "`LearnedShift.from_config(layer.get_config())` must give a layer with the same name; "
        "keep the inherited `get_config`, or extend it with `super().get_config()`.",
        see="07-custom-layers#config-returns-init-args",
    ),
}


def check(answer):
    cls = answer.LearnedShift
    require(isinstance(cls, type) and issubclass(cls, layers.Layer), "not-a-layer")
    with calling("init-kwargs"):
        layer = cls(name="shift_check")
    require(not layer.weights, "weights-in-init")
    x = np.arange(1, 9, dtype="float32").reshape(2, 4)
    with calling("call-fails"):
        untrained = ops.convert_to_numpy(layer(x))
    require(layer.count_params() != 8, "shape-includes-batch")
    require(layer.count_params() == 4, "one-per-feature")
    require(len(layer.trainable_weights) == 1, "not-trainable")
    shift = np.array([1.0, 2.0, 3.0, 4.0], dtype="float32")
    layer.trainable_weights[0].assign(shift)
    with calling("call-fails"):
        shifted = ops.convert_to_numpy(layer(x))
    require(not np.allclose(shifted, x * shift), "multiplies")
    require(np.allclose(shifted, x + shift), "not-added")
    require(np.allclose(untrained, x), "not-zero-init")
    wide = cls()
    with calling("hard-coded-size"):
        wide(np.ones((3, 6), dtype="float32"))
    require(wide.count_params() == 6, "hard-coded-size")
    with calling("config"):
        copy = cls.from_config(layer.get_config())
    require(copy.name == "shift_check", "config")
