import keras
from keras import layers


def unfreeze_except_batch_norm(model):
    """Make `model` trainable, except its BatchNormalization layers; return how many."""
    frozen = 0
    # Unfreeze the whole model, then freeze each batch-norm layer again.
    return frozen
