# expect: ignores-arguments
# Asks the running Keras which backend it uses instead of predicting from the arguments.
import keras


def predict_backend(env_value, json_backend):
    return keras.config.backend()
