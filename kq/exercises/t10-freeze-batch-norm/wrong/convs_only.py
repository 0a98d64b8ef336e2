# expect: others-frozen
# Unfreezes the Conv2D layers one by one instead of the model: the model and its head stay frozen.
from keras import layers


def unfreeze_except_batch_norm(model):
    frozen = 0
    for layer in model.layers:
        if isinstance(layer, layers.Conv2D):
            layer.trainable = True
        elif isinstance(layer, layers.BatchNormalization):
            layer.trainable = False
            frozen += 1
    return frozen
