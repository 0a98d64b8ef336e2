"""Porting a layer with state and a branch

A Keras 2 layer with a `tf.Variable` attribute and a Python `if` on a tensor, ported to Keras 3.
"""

import inspect

import keras
import numpy as np
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 15

HINTS = {
    "not-a-layer": Hint(
        "`SafeScale` must be a class that subclasses `keras.layers.Layer` (from `keras`, not "
        "`tensorflow.keras`).",
        see="15-export#migration-checklist",
    ),
    "init-kwargs": Hint(
        "`SafeScale(limit=5.0, name=...)` fails: `__init__` must accept `**kwargs` and pass them "
        "on with `super().__init__(**kwargs)`, so `name`, `dtype` and `from_config` still work.",
        see="07-custom-layers#config-returns-init-args",
    ),
    "build-fails": Hint(
        "Building the layer for inputs of 3 features raised an error. Create the scale with "
        '`self.add_weight(shape=(), initializer="ones", name="scale")`, in `__init__` or '
        "`build`.",
        see="15-export#migration-checklist",
    ),
    "untracked-variable": Hint(
        "Keras sees no weight in your layer: a `tf.Variable` set as an attribute is not tracked "
        "in Keras 3, so it is not trained and not saved. Create the scale with "
        '`self.add_weight(shape=(), initializer="ones", name="scale")`.',
        see="15-export#migration-checklist",
    ),
    "one-scale": Hint(
        "The layer should have exactly one trainable weight holding a single number (shape "
        '`()`), starting at 1: `initializer="ones"`.',
        see="15-export#migration-checklist",
    ),
    "python-if": Hint(
        "Your `call` uses a Python `if` on a tensor's value. Keras 2 rewrote it with TensorFlow's "
        "autograph; Keras 3 does not, so it fails as soon as the model is traced on JAX or "
        "TensorFlow. Choose with `keras.ops.where(too_large, x, x * self.scale)` (or "
        "`keras.ops.cond`).",
        see="15-export#migration-checklist",
    ),
    "tf-ops": Hint(
        "Your `call` uses TensorFlow (`tf.reduce_max`, `tf.abs`, `tf.where`, or the `K` "
        "functions of `tensorflow.keras.backend`, which are TensorFlow code too). A Keras 3 layer "
        "that runs on every backend computes with `keras.ops`. TensorFlow functions even refuse "
        "Keras's symbolic tensors: `tf.nn.relu(keras.Input((3,)))` raises `ValueError`.",
        see="15-export#migration-checklist",
    ),
    "not-traceable": Hint(
        "Your `call` fails on a symbolic tensor, a placeholder with a shape and no values like "
        "the one `keras.Input` returns: it turns `x` into NumPy or a Python number to decide. "
        "That works only eagerly; under `jit` on JAX or in a `tf.function` on TensorFlow, as in "
        "a compiled `fit`, there are no values either. Decide with `keras.ops`: "
        "`ops.where(ops.max(ops.abs(x)) > self.limit, x, x * self.scale)`.",
        see="15-export#migration-checklist",
    ),
    "call-fails": Hint(
        "Calling the layer on a batch raised an error; it should return a tensor of the input's "
        "shape.",
        see="15-export#migration-checklist",
    ),
    "not-scaled": Hint(
        "With every input within `limit` and the scale set to 2, the output should be twice the "
        "input: return `x * self.scale` when nothing is too large.",
        see="15-export#migration-checklist",
    ),
    "per-element": Hint(
        "When one input exceeds `limit`, the *whole* batch must come back unscaled; your layer "
        "decides value by value. Test the largest value once, "
        "`ops.max(ops.abs(x)) > self.limit`, and pass that single condition to `ops.where`.",
        see="15-export#migration-checklist",
    ),
    "wrong-branch": Hint(
        "When one input exceeds `limit`, the layer must return `x` unchanged; otherwise "
        "`x * self.scale`.",
        see="15-export#migration-checklist",
    ),
    "config": Hint(
        "`SafeScale.from_config(layer.get_config())` must give a layer with the same `limit` and "
        "`name`. Keras 3 records simple `__init__` arguments by itself; if you write "
        '`get_config`, start from `super().get_config()` and add `"limit"`.',
        see="07-custom-layers#config-returns-init-args",
    ),
}


_TENSORFLOW_MODULES = ("tensorflow", "tf_keras", "keras._tf_keras", "keras.src.legacy")


def _uses_tensorflow(function):
    """Whether `function` names TensorFlow: `tf.abs`, or `K.max` of `tensorflow.keras.backend`."""
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    names = set(code.co_names)
    for const in code.co_consts:  # lambdas and functions defined inside `call`
        names |= set(getattr(const, "co_names", ()))
    for name in names:
        value = function.__globals__.get(name)
        module = value.__name__ if inspect.ismodule(value) else getattr(value, "__module__", "")
        if isinstance(module, str) and module.startswith(_TENSORFLOW_MODULES):
            return True
    return False


def _traced_mistake(layer, shape):
    """Run `call` on a symbolic tensor, as tracing a model does: the mistake it shows, if any."""
    try:
        layer.call(keras.KerasTensor(shape))
    except Exception as exc:  # noqa: BLE001 - the error's words tell which mistake it is
        message = str(exc)
        if "cannot be used as a boolean" in message:
            return "python-if", exc
        if "TensorFlow function" in message or _uses_tensorflow(type(layer).call):
            return "tf-ops", exc
        if "You cannot convert it to" in message:  # to NumPy, or to a Python number
            return "not-traceable", exc
    return None, None


def _output(layer, x):
    with calling("call-fails"):
        out = keras.ops.convert_to_numpy(layer(x))
    require(out.shape == x.shape, "call-fails")
    return out


def check(answer):
    cls = answer.SafeScale
    require(isinstance(cls, type) and issubclass(cls, layers.Layer), "not-a-layer")
    with calling("init-kwargs"):
        layer = cls(limit=5.0, name="limited")
    with calling("build-fails"):
        layer.build((None, 3))
    require(layer.weights, "untracked-variable")
    require(
        len(layer.trainable_weights) == 1
        and tuple(layer.trainable_weights[0].shape) == ()
        and np.allclose(keras.ops.convert_to_numpy(layer.trainable_weights[0]), 1.0),
        "one-scale",
    )
    mistake, error = _traced_mistake(layer, (None, 3))
    if mistake:
        with calling(mistake):
            raise error
    layer.trainable_weights[0].assign(2.0)
    small = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -3.0]], dtype="float32")
    large = np.array([[0.5, -1.0, 2.0], [1.5, 7.0, -3.0]], dtype="float32")
    out_small = _output(layer, small)
    out_large = _output(layer, large)
    swapped = np.allclose(out_small, small) and np.allclose(out_large, 2.0 * large)
    require(not swapped, "wrong-branch")
    per_element = np.where(np.abs(large) > 5.0, large, 2.0 * large)
    require(not np.allclose(out_large, per_element), "per-element")
    require(np.allclose(out_small, 2.0 * small), "not-scaled")
    require(np.allclose(out_large, large), "wrong-branch")
    with calling("config"):
        copy = cls.from_config(layer.get_config())
    require(copy.limit == 5.0 and copy.name == "limited", "config")
