# expect: not-every-layer
# Uses filters= to quantize the hidden layer only, leaving the output layer float32.
import keras


def int8_copy(model):
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    copy.quantize("int8", filters="hidden")
    return copy
