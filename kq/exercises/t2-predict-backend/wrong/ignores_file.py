# expect: file-counts
# Forgets keras.json: only the variable or the default.
def predict_backend(env_value, json_backend):
    return env_value or "tensorflow"
