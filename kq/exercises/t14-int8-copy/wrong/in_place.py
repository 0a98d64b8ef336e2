# expect: original-changed
# Quantizes the model it was given and returns it, so no float32 model is left.
import keras


def int8_copy(model):
    model.quantize("int8")
    return model
