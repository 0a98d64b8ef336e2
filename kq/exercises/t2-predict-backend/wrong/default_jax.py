# expect: default-tensorflow
# Believes Keras falls back to JAX (or to whatever is installed) when nothing is configured.
def predict_backend(env_value, json_backend):
    return env_value or json_backend or "jax"
