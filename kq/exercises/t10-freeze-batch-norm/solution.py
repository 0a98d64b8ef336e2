from keras import layers


def unfreeze_except_batch_norm(model):
    """Make `model` trainable, except its BatchNormalization layers; return how many."""
    model.trainable = True  # unfreezes every layer inside, batch norm included
    frozen = 0
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False  # frozen batch norm runs in inference mode
            frozen += 1
    return frozen
