# expect: bn-trainable
# Freezes batch norm first and unfreezes the model afterwards, which unfreezes batch norm again.
from keras import layers


def unfreeze_except_batch_norm(model):
    frozen = 0
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False
            frozen += 1
    model.trainable = True
    return frozen
