# expect: by-name
# Finds the batch-norm layers by their default names instead of by their type.
def unfreeze_except_batch_norm(model):
    model.trainable = True
    frozen = 0
    for layer in model.layers:
        if layer.name.startswith("batch_normalization"):
            layer.trainable = False
            frozen += 1
    return frozen
