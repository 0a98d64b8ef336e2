# expect: not-json
# Writes the settings with str(), which gives single quotes: Python's notation, not JSON.
import json
import os


def set_default_backend(home, backend):
    path = os.path.join(home, "keras.json")
    settings = {}
    if os.path.exists(path):
        with open(path) as f:
            settings = json.load(f)
    settings["backend"] = backend
    with open(path, "w") as f:
        f.write(str(settings))
