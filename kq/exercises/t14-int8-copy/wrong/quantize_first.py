# expect: copy-fails
# Quantizes the clone first and copies the float weights afterwards.
import keras


def int8_copy(model):
    copy = keras.models.clone_model(model)
    copy.quantize("int8")
    copy.set_weights(model.get_weights())
    return copy
