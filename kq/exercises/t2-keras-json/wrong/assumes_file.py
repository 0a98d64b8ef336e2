# expect: creates-file
# Assumes keras.json always exists, so a fresh folder makes open() fail.
import json
import os


def set_default_backend(home, backend):
    path = os.path.join(home, "keras.json")
    with open(path) as f:
        settings = json.load(f)
    settings["backend"] = backend
    with open(path, "w") as f:
        json.dump(settings, f)
