import json
import os


def set_default_backend(home, backend):
    """Make `backend` the default in the keras.json of the folder `home` (what KERAS_HOME names).

    Keep the file's other settings; create the file if the folder has none.
    """
    path = os.path.join(home, "keras.json")
    # read the settings (if the file exists), change "backend", write them back
