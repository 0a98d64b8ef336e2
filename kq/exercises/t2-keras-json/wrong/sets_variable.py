# expect: sets-variable
# Sets KERAS_BACKEND in this process instead of writing the choice into keras.json.
import os


def set_default_backend(home, backend):
    os.environ["KERAS_BACKEND"] = backend
