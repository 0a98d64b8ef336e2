# expect: others-frozen
# Sets trainable on every layer (True, or False for batch norm) but never on the model itself.
from keras import layers


def unfreeze_except_batch_norm(model):
    frozen = 0
    for layer in model.layers:
        is_norm = isinstance(layer, layers.BatchNormalization)
        layer.trainable = not is_norm
        frozen += is_norm
    return frozen
