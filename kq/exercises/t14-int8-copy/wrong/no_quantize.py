# expect: not-quantized
# Copies the model and its weights but never quantizes the copy.
import keras


def int8_copy(model):
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    return copy
