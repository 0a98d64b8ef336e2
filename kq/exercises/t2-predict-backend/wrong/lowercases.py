# expect: exact-name
# Lower-cases the name, as if Keras forgave KERAS_BACKEND=JAX.
def predict_backend(env_value, json_backend):
    return (env_value or json_backend or "tensorflow").lower()
