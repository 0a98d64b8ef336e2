# expect: backend-key
# Uses the environment variable's name as the key in keras.json.
import json
import os


def set_default_backend(home, backend):
    path = os.path.join(home, "keras.json")
    settings = {}
    if os.path.exists(path):
        with open(path) as f:
            settings = json.load(f)
    settings["KERAS_BACKEND"] = backend
    with open(path, "w") as f:
        json.dump(settings, f)
