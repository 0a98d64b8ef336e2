"""Predict the backend Keras picks

A function that applies Keras's rules for choosing a backend: the `KERAS_BACKEND` variable, then
`keras.json`, then the default. The check compares it with what Keras's own start-up code
decides.
"""

import importlib.util
import json
import os
import tempfile

from keras.src.backend import config as keras_config

from kq.checking import Hint, calling, require

TRACK = 2

HINTS = {
    "call-fails": Hint(
        "Calling `predict_backend(env_value, json_backend)` raised an error. Either argument "
        "may be `None`; return the backend's name as a string.",
        see="02-backends#backend-priority",
    ),
    "ignores-arguments": Hint(
        "Your function gives the same answer whatever it is told: it looks at the Keras of "
        "this process (or at its environment) instead of its two arguments. Decide from "
        "`env_value` and `json_backend` alone.",
        see="02-backends#backend-priority",
    ),
    "variable-wins": Hint(
        "With `KERAS_BACKEND=jax` and a `keras.json` that says `torch`, Keras uses JAX: the "
        "variable has the highest priority, the file comes second.",
        see="02-backends#backend-priority",
    ),
    "file-counts": Hint(
        "With no variable and a `keras.json` that says `torch`, Keras uses PyTorch: when the "
        'variable is not set, the file\'s `"backend"` entry decides.',
        see="02-backends#backend-priority",
    ),
    "no-default": Hint(
        "With neither the variable nor the file, Keras still picks a backend: its built-in "
        'default, `"tensorflow"`. Your function returned nothing.',
        see="02-backends#no-backend-autodetect",
    ),
    "default-tensorflow": Hint(
        "With neither the variable nor the file, Keras does not look at what is installed: "
        'it falls back to `"tensorflow"`, always.',
        see="02-backends#no-backend-autodetect",
    ),
    "empty-variable": Hint(
        "An empty `KERAS_BACKEND` counts as not set: Keras moves on to the file (or the "
        "default). Test for an empty string as well as `None`, for example with `or`.",
        see="02-backends#backend-priority",
    ),
    "exact-name": Hint(
        "Keras uses the name exactly as given: `KERAS_BACKEND=JAX` is not `jax`, and the "
        "import fails with `Unable to import backend : JAX`. Do not change the case or fix up "
        "the name.",
        see="02-backends#backend-priority",
    ),
    "not-keras": Hint(
        "For some combination of variable and file your answer differs from what Keras "
        'decides. Follow the order: a non-empty variable, then the file, then `"tensorflow"`.',
        see="02-backends#backend-priority",
    ),
}

CASES = [
    ("jax", "torch"),
    (None, "torch"),
    (None, None),
    ("", "torch"),
    ("", None),
    ("JAX", None),
    ("torch", None),
    (None, "from-the-file"),
]


def keras_decides(env_value, json_backend, home):
    """The backend Keras's own config module picks, run afresh with this variable and file."""
    os.makedirs(home)
    if json_backend is not None:
        with open(os.path.join(home, "keras.json"), "w") as f:
            json.dump({"backend": json_backend}, f)
    names = ("KERAS_HOME", "KERAS_BACKEND", "TF_FORCE_GPU_ALLOW_GROWTH")
    saved = {name: os.environ.get(name) for name in names}
    os.environ["KERAS_HOME"] = home
    if env_value is None:
        os.environ.pop("KERAS_BACKEND", None)
    else:
        os.environ["KERAS_BACKEND"] = env_value
    try:
        spec = importlib.util.spec_from_file_location("_kq_keras_config", keras_config.__file__)
        fresh = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(fresh)
        return fresh.backend()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def check(answer):
    predict = answer.predict_backend
    with calling("call-fails"):
        said = {case: predict(*case) for case in CASES}
    require(len({said[c] for c in CASES[:3]}) > 1, "ignores-arguments")
    require(said[("jax", "torch")] == "jax", "variable-wins")
    require(said[(None, "torch")] == "torch", "file-counts")
    require(said[(None, None)] is not None, "no-default")
    require(said[(None, None)] == "tensorflow", "default-tensorflow")
    require(said[("", "torch")] == "torch" and said[("", None)] == "tensorflow", "empty-variable")
    require(said[("JAX", None)] == "JAX", "exact-name")
    with tempfile.TemporaryDirectory(prefix="kq-keras-home-") as folder:
        for number, case in enumerate(CASES):
            home = os.path.join(folder, str(number))
            require(said[case] == keras_decides(*case, home=home), "not-keras")
