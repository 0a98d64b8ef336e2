# expect: rank
# Writes the rank of the page's example (4) into the call instead of using the argument.
from keras import layers


def add_lora(model, rank):
    for layer in model.layers:
        if isinstance(layer, layers.Dense):
            layer.enable_lora(4)
