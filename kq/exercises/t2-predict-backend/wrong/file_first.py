# expect: variable-wins
# Lets the file win over the variable, as if the settings file were the stronger setting.
def predict_backend(env_value, json_backend):
    return json_backend or env_value or "tensorflow"
