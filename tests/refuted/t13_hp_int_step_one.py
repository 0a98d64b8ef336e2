# backends: jax torch tensorflow
"""Refuted: `hp.Int(name, min_value, max_value, step=1)` (docs/tracks/13-tuning.md, "Describing a
search space").

In KerasTuner 1.4.8 the default is `step=None`, which linear sampling treats as a step of 1. The
page now shows `step=None`, checked by the claim "hp.Int has step=None by default, which for
linear sampling takes every whole number in the range."
"""

import inspect

import keras_tuner as kt

default = inspect.signature(kt.HyperParameters.Int).parameters["step"].default
assert default == 1, f"hp.Int's step defaults to {default!r}, not 1"
