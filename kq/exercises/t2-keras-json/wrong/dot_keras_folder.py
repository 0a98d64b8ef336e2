# expect: wrong-folder
# Treats KERAS_HOME like the home folder and writes into a .keras folder inside it.
import json
import os


def set_default_backend(home, backend):
    folder = os.path.join(home, ".keras")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "keras.json")
    settings = {}
    if os.path.exists(path):
        with open(path) as f:
            settings = json.load(f)
    settings["backend"] = backend
    with open(path, "w") as f:
        json.dump(settings, f)
