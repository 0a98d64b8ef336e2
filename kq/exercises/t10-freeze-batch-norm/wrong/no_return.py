# expect: count
# Freezes the right layers but forgets to return how many it froze.
from keras import layers


def unfreeze_except_batch_norm(model):
    model.trainable = True
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False
