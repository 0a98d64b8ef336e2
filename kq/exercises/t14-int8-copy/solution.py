import keras


def int8_copy(model):
    """An int8-quantized copy of `model`; `model` itself stays float32."""
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    copy.quantize("int8")
    return copy
