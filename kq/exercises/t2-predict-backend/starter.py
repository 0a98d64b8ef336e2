def predict_backend(env_value, json_backend):
    """The backend Keras would choose.

    env_value: the value of KERAS_BACKEND, or None when the variable is not set.
    json_backend: the "backend" entry of keras.json, or None when there is no file.
    """
    return env_value  # apply the three rules here


print(predict_backend("jax", "torch"))
print(predict_backend(None, "torch"))
