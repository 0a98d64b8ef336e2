# expect: still-frozen
# Freezes the batch-norm layers but never unfreezes the rest of the model.
from keras import layers


def unfreeze_except_batch_norm(model):
    frozen = 0
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False
            frozen += 1
    return frozen
