# expect: do-not-freeze
# Freezes the model to protect the pretrained weights, which freezes the adapters too.
from keras import layers


def add_lora(model, rank):
    for layer in model.layers:
        if isinstance(layer, layers.Dense):
            layer.enable_lora(rank)
    model.trainable = False
