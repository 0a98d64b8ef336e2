# expect: new-file-backend
# Creates a missing keras.json from Keras's defaults and forgets to put the chosen backend in it.
import json
import os

DEFAULTS = {
    "floatx": "float32",
    "epsilon": 1e-07,
    "backend": "tensorflow",
    "image_data_format": "channels_last",
}


def set_default_backend(home, backend):
    path = os.path.join(home, "keras.json")
    if not os.path.exists(path):
        with open(path, "w") as f:
            json.dump(DEFAULTS, f, indent=4)
        return
    with open(path) as f:
        settings = json.load(f)
    settings["backend"] = backend
    with open(path, "w") as f:
        json.dump(settings, f, indent=4)
