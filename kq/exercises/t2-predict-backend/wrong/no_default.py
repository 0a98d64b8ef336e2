# expect: no-default
# Forgets the built-in default, so with nothing configured it returns None.
def predict_backend(env_value, json_backend):
    return env_value or json_backend
