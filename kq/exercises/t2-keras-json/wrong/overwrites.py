# expect: keeps-settings
# Writes a new file with only the backend, losing floatx, epsilon and image_data_format.
import json
import os


def set_default_backend(home, backend):
    with open(os.path.join(home, "keras.json"), "w") as f:
        json.dump({"backend": backend}, f)
