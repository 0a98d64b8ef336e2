"""Set the default backend in keras.json

A function that records a backend in the `keras.json` of a Keras folder, keeping the file's other
settings. The check lets Keras's own start-up code read the file.
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
        "Calling `set_default_backend(home, backend)` on a folder that holds a `keras.json` "
        'raised an error. Read the file, change its `"backend"` entry, write it back.',
        see="02-backends#keras-json-records-default",
    ),
    "sets-variable": Hint(
        "Your function sets `KERAS_BACKEND` in `os.environ`. That lasts only as long as this "
        "Python process, and Keras reads it only when it is first imported. Write the choice "
        "into the `keras.json` file instead.",
        see="02-backends#backend-fixed-at-import",
    ),
    "wrong-folder": Hint(
        "You wrote `keras.json` into a `.keras` folder inside `home`. `KERAS_HOME` names the "
        'folder that holds `keras.json` itself: write `os.path.join(home, "keras.json")`.',
        see="02-backends#keras-json-records-default",
    ),
    "not-json": Hint(
        "`keras.json` is no longer valid JSON (did you write `str(settings)`?). Keras reads it "
        "with `json.load` and silently ignores a file it cannot parse: every setting keeps its "
        'default, and the backend is `"tensorflow"`. Write the file with `json.dump`.',
        see="02-backends#keras-json-records-default",
    ),
    "unchanged": Hint(
        "The `keras.json` in `home` is exactly as it was: after changing the settings, write "
        'them back into that file, `os.path.join(home, "keras.json")` (not `~/.keras`).',
        see="02-backends#keras-json-records-default",
    ),
    "backend-key": Hint(
        'Keras does not find your backend in the file: it reads the `"backend"` entry of '
        "`keras.json` (not `KERAS_BACKEND` or another name).",
        see="02-backends#keras-json-records-default",
    ),
    "keeps-settings": Hint(
        "The file's other settings (`floatx`, `epsilon`, `image_data_format`) are gone: you "
        "wrote a new file with only the backend. Load the existing settings, change "
        '`"backend"`, and write them all back.',
        see="02-backends#keras-json-records-default",
    ),
    "creates-file": Hint(
        "On a folder with no `keras.json` yet your function failed or wrote nothing. When the "
        'file does not exist, create it with just the `"backend"` entry; Keras uses its '
        "defaults for the other settings.",
        see="02-backends#keras-json-records-default",
    ),
    "new-file-backend": Hint(
        "On a folder with no `keras.json` yet your function wrote a file, but not with the "
        "backend it was given: Keras reads another backend from it. Put the `backend` argument "
        'in the new file\'s `"backend"` entry too.',
        see="02-backends#keras-json-records-default",
    ),
}

SETTINGS = {
    "floatx": "float16",
    "epsilon": 1e-05,
    "backend": "tensorflow",
    "image_data_format": "channels_first",
}


def keras_reads(home):
    """What Keras's own config module, run afresh with KERAS_HOME=home, reads from the folder."""
    names = ("KERAS_HOME", "KERAS_BACKEND", "TF_FORCE_GPU_ALLOW_GROWTH")
    saved = {name: os.environ.get(name) for name in names}
    os.environ["KERAS_HOME"] = home
    os.environ.pop("KERAS_BACKEND", None)
    try:
        spec = importlib.util.spec_from_file_location("_kq_keras_config", keras_config.__file__)
        fresh = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(fresh)
        return {
            "backend": fresh.backend(),
            "floatx": fresh.floatx(),
            "epsilon": fresh.epsilon(),
            "image_data_format": fresh.image_data_format(),
        }
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _call(function, home, backend, hint):
    """Run the answer with no KERAS_BACKEND: one it sets then shows, whatever its value."""
    before = os.environ.pop("KERAS_BACKEND", None)
    try:
        with calling(hint):
            function(home, backend)
    finally:
        after = os.environ.pop("KERAS_BACKEND", None)
        if before is not None:
            os.environ["KERAS_BACKEND"] = before
    require(after is None, "sets-variable")


def check(answer):
    set_default_backend = answer.set_default_backend
    with tempfile.TemporaryDirectory(prefix="kq-keras-home-") as folder:
        _check(set_default_backend, folder)


def _check(set_default_backend, folder):
    home = os.path.join(folder, "keras-home")
    os.makedirs(home)
    path = os.path.join(home, "keras.json")
    with open(path, "w") as f:
        json.dump(SETTINGS, f, indent=4)
    with open(path) as f:
        original = f.read()
    # neither is Keras's default "tensorflow", so a file that names the default does not pass
    first, second = "jax", "torch"
    _call(set_default_backend, home, first, "call-fails")
    require(not os.path.exists(os.path.join(home, ".keras", "keras.json")), "wrong-folder")
    with open(path) as f:
        text = f.read()
    require(text != original, "unchanged")
    try:
        json.loads(text)
    except ValueError:
        require(False, "not-json")
    read = keras_reads(home)
    require(read["backend"] == first, "backend-key")
    require(read == dict(SETTINGS, backend=first), "keeps-settings")

    empty = os.path.join(folder, "empty-home")
    os.makedirs(empty)
    _call(set_default_backend, empty, second, "creates-file")
    require(os.path.exists(os.path.join(empty, "keras.json")), "creates-file")
    require(keras_reads(empty)["backend"] == second, "new-file-backend")
