# expect: not-int8
# Asks for int4, thinking smaller is what the task wants.
import keras


def int8_copy(model):
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    copy.quantize("int4")
    return copy
