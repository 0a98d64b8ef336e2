# expect: empty-variable
# Tests the variable with `is not None`, so an empty KERAS_BACKEND wins with the name "".
def predict_backend(env_value, json_backend):
    if env_value is not None:
        return env_value
    if json_backend is not None:
        return json_backend
    return "tensorflow"
