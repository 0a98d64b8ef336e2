# expect: weights-not-copied
# Clones the model and quantizes it, but never copies the trained weights.
import keras


def int8_copy(model):
    copy = keras.models.clone_model(model)
    copy.quantize("int8")
    return copy
