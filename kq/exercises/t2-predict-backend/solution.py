def predict_backend(env_value, json_backend):
    # `or` skips both None (not set) and "" (set but empty); the default comes last.
    return env_value or json_backend or "tensorflow"


assert predict_backend("jax", "torch") == "jax"
assert predict_backend(None, "torch") == "torch"
assert predict_backend("", "torch") == "torch"
assert predict_backend(None, None) == "tensorflow"
