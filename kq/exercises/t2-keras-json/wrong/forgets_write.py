# expect: unchanged
# Reads the settings and changes "backend" in the dictionary, but never writes the file back.
import json
import os


def set_default_backend(home, backend):
    path = os.path.join(home, "keras.json")
    settings = {}
    if os.path.exists(path):
        with open(path) as f:
            settings = json.load(f)
    settings["backend"] = backend
