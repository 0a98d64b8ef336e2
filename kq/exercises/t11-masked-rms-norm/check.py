"""RMS normalization that keeps the padding mask

A subclass of RMSNormalization that passes its input's mask on instead of dropping it.
"""

import warnings

import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 11

HINTS = {
    "not-rms": Hint(
        "`MaskedRMSNormalization` must be a class that subclasses "
        "`keras.layers.RMSNormalization`, which divides by the root mean square; "
        "`LayerNormalization` also subtracts the mean, a different function.",
        see="11-sequences#rms-normalization",
    ),
    "init-kwargs": Hint(
        '`MaskedRMSNormalization(name="masked")` or `MaskedRMSNormalization(epsilon=0.5)` '
        "fails or loses its name: your `__init__` must accept `**kwargs` and pass them on "
        "with `super().__init__(**kwargs)`.",
        see="11-sequences#rms-normalization",
    ),
    "call-fails": Hint(
        "Calling your layer on padded sequences raised an error; it should normalise "
        "them exactly as `RMSNormalization` does.",
        see="11-sequences#rms-normalization",
    ),
    "mask-dropped": Hint(
        "The padding mask does not survive your layer (Keras warns that it will "
        '"destroy the mask"). Set `self.supports_masking = True` in `__init__`, *after* '
        "`super().__init__(**kwargs)`: the base class's `__init__` sets it too, and "
        "overwrites an earlier value.",
        see="11-sequences#mask-use-pass-drop",
    ),
    "values": Hint(
        "Your layer's output differs from `RMSNormalization`'s on the same inputs. Keep the "
        "parent's `call` (or call `super().call(...)`): only the mask handling should change.",
        see="11-sequences#rms-normalization",
    ),
    "epsilon-lost": Hint(
        "`MaskedRMSNormalization(epsilon=0.5)` computes what `epsilon=1e-6` would: your "
        "`__init__` takes `epsilon` but does not pass it on. Let it travel in `**kwargs` to "
        "`super().__init__(**kwargs)`.",
        see="11-sequences#rms-normalization",
    ),
    "config": Hint(
        "`MaskedRMSNormalization.from_config(layer.get_config())` must rebuild the same layer "
        "(same `epsilon`, same name); keep the inherited `get_config`.",
        see="11-sequences#rms-normalization",
    ),
}


def _padded():
    """Two sequences of 6-number vectors, 3 and 2 real steps, padded with zero vectors."""
    values = np.random.default_rng(0).normal(size=(2, 5, 6)).astype("float32")
    values[0, 3:] = 0.0
    values[1, 2:] = 0.0
    return layers.Masking(mask_value=0.0)(values)  # carries the padding mask, like Embedding


def _normalise(layer, h):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = layer(h)
    dropped = any("mask" in str(w.message) for w in caught)
    return out, dropped


def check(answer):
    cls = answer.MaskedRMSNormalization
    require(isinstance(cls, type) and issubclass(cls, layers.RMSNormalization), "not-rms")
    with calling("init-kwargs"):
        layer = cls(name="masked")
    require(layer.name == "masked", "init-kwargs")
    h = _padded()
    with calling("call-fails"):
        out, dropped = _normalise(layer, h)
    mask = getattr(out, "_keras_mask", None)
    require(not dropped and mask is not None, "mask-dropped")
    expected = [[True, True, True, False, False], [True, True, False, False, False]]
    require(ops.convert_to_numpy(mask).tolist() == expected, "mask-dropped")
    raw = ops.convert_to_numpy(h)
    reference = ops.convert_to_numpy(layers.RMSNormalization()(raw))
    require(np.allclose(ops.convert_to_numpy(out), reference, atol=1e-4), "values")

    with calling("init-kwargs"):
        loose = cls(epsilon=0.5, name="loose")
    with calling("call-fails"):
        loose_out = ops.convert_to_numpy(loose(raw))
    loose_reference = ops.convert_to_numpy(layers.RMSNormalization(epsilon=0.5)(raw))
    require(np.allclose(loose_out, loose_reference, atol=1e-4), "epsilon-lost")
    with calling("config"):
        copy = cls.from_config(loose.get_config())
    require(copy.name == "loose" and copy.epsilon == 0.5, "config")
