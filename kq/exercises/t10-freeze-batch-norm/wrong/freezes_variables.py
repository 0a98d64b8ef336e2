# expect: froze-weights-not-layer
# Marks gamma and beta non-trainable instead of the layer, so batch norm still runs in training.
from keras import layers


def unfreeze_except_batch_norm(model):
    model.trainable = True
    frozen = 0
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            for weight in layer.weights:
                weight.trainable = False
            frozen += 1
    return frozen
