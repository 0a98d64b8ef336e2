"""Porting a Keras 2 layer to Keras 3

The `CenteredGate` layer of a `tf.keras` model, rewritten with `keras.ops`, in a model that
saves to a `.keras` file and loads back.
"""

import inspect
import os
import shutil
import tempfile
import traceback

import keras
import numpy as np
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 15

HINTS = {
    "not-a-layer": Hint(
        "`CenteredGate` must be a class that subclasses `keras.layers.Layer` (import `keras`, "
        "not `tensorflow.keras`).",
        see="15-export#migration-checklist",
    ),
    "add-weight-name": Hint(
        "Building the layer failed. In Keras 3 the first positional argument of `add_weight` is "
        "the shape, and a name given there is refused: write "
        '`self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="gate")`.',
        see="15-export#migration-checklist",
    ),
    "gate-weight": Hint(
        "After `build`, the layer should hold one trainable weight of one number per feature, "
        'made with `self.add_weight(shape=(input_shape[-1],), initializer="zeros", '
        'name="gate")`.',
        see="15-export#migration-checklist",
    ),
    "tf-ops": Hint(
        "Your `call` uses TensorFlow (`tf.sigmoid`, `tf.reduce_mean`, or `K.mean` of "
        "`tensorflow.keras.backend`, which is TensorFlow code too). A Keras 3 layer that runs on "
        "every backend computes with `keras.ops`: use `keras.ops.sigmoid` and `keras.ops.mean`. "
        "TensorFlow functions even refuse Keras's symbolic tensors: "
        "`tf.nn.relu(keras.Input((3,)))` raises `ValueError`.",
        see="15-export#migration-checklist",
    ),
    "python-if": Hint(
        "Your `call` uses a Python `if` on a tensor's value, which fails when a model is traced "
        "on JAX or TensorFlow; compute with `keras.ops` only.",
        see="15-export#migration-checklist",
    ),
    "not-traceable": Hint(
        "Your `call` fails on a symbolic tensor, a placeholder with a shape and no values like "
        "the one `keras.Input` returns: it turns `x` into NumPy or a Python number. That works "
        "only eagerly; under `jit` on JAX or in a `tf.function` on TensorFlow, as in a compiled "
        "`fit`, there are no values either. Compute with `keras.ops` only: `keras.ops.mean`.",
        see="15-export#migration-checklist",
    ),
    "call-fails": Hint(
        "Calling the layer on a batch of shape (8, 8) raised an error; `call(self, x)` should "
        "return `x * sigmoid(gate) - mean(x, axis=-1, keepdims=True)`, with `keras.ops`.",
        see="15-export#migration-checklist",
    ),
    "mean-keepdims": Hint(
        "Each row's mean is subtracted from the wrong numbers: without `keepdims=True`, "
        "`keras.ops.mean(x, axis=-1)` has shape `(batch,)` and broadcasts along the features. "
        "Keep the axis: `keras.ops.mean(x, axis=-1, keepdims=True)`.",
        see="15-export#migration-checklist",
    ),
    "wrong-values": Hint(
        "With a gate of zeros the layer should give `x * 0.5 - mean(x, axis=-1, keepdims=True)`: "
        "`sigmoid(0)` is 0.5, and the mean is taken over each row's features.",
        see="15-export#migration-checklist",
    ),
    "model-fails": Hint(
        "`build_model()` should return "
        "`keras.Sequential([keras.Input(shape=(8,)), CenteredGate(), layers.Dense(3)])`; "
        "calling it, or the model on a batch, raised an error or gave another shape.",
        see="15-export#migration-checklist",
    ),
    "not-registered": Hint(
        "`CenteredGate` is not registered, so `keras.saving.load_model` cannot find the class "
        "by the name stored in the file. Put "
        '`@keras.saving.register_keras_serializable(package="course")` above the class.',
        see="09-saving#custom-objects",
    ),
    "save-fails": Hint(
        "`save_ported(model, folder)` raised an error. Keras 3's `model.save` wants a path "
        "ending in `.keras` (or the legacy `.h5`): `model.save(os.path.join(folder, "
        '"gate_model.keras"))`; `model.save("gate_model")` no longer writes a SavedModel.',
        see="15-export#migration-checklist",
    ),
    "exported": Hint(
        "`save_ported` exports the model with `model.export`: that writes an artifact for "
        "serving, which `keras.saving.load_model` cannot read back. Save the model itself with "
        "`model.save(path)`, to a path ending in `.keras`.",
        see="15-export#migration-checklist",
    ),
    "no-file": Hint(
        "`save_ported` must return the path of the file it wrote, inside `folder`.",
        see="15-export#migration-checklist",
    ),
    "reload-differs": Hint(
        "`keras.saving.load_model(path)` failed or gave a model that predicts something else; "
        "save the model you were given, with `model.save(path)`, to a `.keras` path.",
        see="09-saving#custom-objects",
    ),
}


_TENSORFLOW_MODULES = ("tensorflow", "tf_keras", "keras._tf_keras", "keras.src.legacy")


def _uses_tensorflow(function):
    """Whether `function` names TensorFlow: `tf.sigmoid`, or `K.mean` of `tensorflow.keras`."""
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


def _in_export(exc):
    """Whether `exc` was raised inside `model.export` (on PyTorch it may fail there)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return any(f"keras{os.sep}src{os.sep}export{os.sep}" in frame.filename for frame in frames)


def check(answer):
    cls = answer.CenteredGate
    require(isinstance(cls, type) and issubclass(cls, layers.Layer), "not-a-layer")
    layer = cls()
    with calling("add-weight-name"):
        layer.build((None, 8))
    require(
        len(layer.trainable_weights) == 1 and tuple(layer.trainable_weights[0].shape) == (8,),
        "gate-weight",
    )
    mistake, error = _traced_mistake(layer, (None, 8))
    if mistake:
        with calling(mistake):
            raise error
    x = np.random.default_rng(0).normal(size=(8, 8)).astype("float32")
    with calling("call-fails"):
        out = keras.ops.convert_to_numpy(layer(x))
    require(out.shape == x.shape, "call-fails")
    row_means = x.mean(axis=-1)
    require(not np.allclose(out, x * 0.5 - row_means[None, :], atol=1e-5), "mean-keepdims")
    require(np.allclose(out, x * 0.5 - row_means[:, None], atol=1e-5), "wrong-values")
    with calling("model-fails"):
        model = answer.build_model()
        expected = keras.ops.convert_to_numpy(model(x))
    require(expected.shape == (8, 3), "model-fails")
    require(
        keras.saving.get_registered_name(cls) != cls.__name__
        and keras.saving.get_registered_object(keras.saving.get_registered_name(cls)) is cls,
        "not-registered",
    )
    folder = os.path.realpath(tempfile.mkdtemp(prefix="kq-saved-"))
    try:
        _saves_and_loads(answer, model, folder, x, expected)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _saves_and_loads(answer, model, folder, x, expected):
    try:
        path = answer.save_ported(model, folder)
    except Exception as exc:  # noqa: BLE001 - where it was raised tells which mistake it is
        with calling("exported" if _in_export(exc) else "save-fails"):
            raise
    exported = isinstance(path, (str, os.PathLike)) and os.path.isdir(path)
    require(not (exported and os.path.isfile(os.path.join(path, "saved_model.pb"))), "exported")
    require(
        isinstance(path, (str, os.PathLike))
        and os.path.isfile(path)
        and os.path.dirname(os.path.realpath(path)) == folder,
        "no-file",
    )
    with calling("reload-differs"):
        restored = keras.saving.load_model(path)
        reloaded = keras.ops.convert_to_numpy(restored(x))
    require(np.allclose(reloaded, expected, atol=1e-5), "reload-differs")
