# expect: every-dense
# Stops after the first Dense layer it finds.
from keras import layers


def add_lora(model, rank):
    for layer in model.layers:
        if isinstance(layer, layers.Dense):
            layer.enable_lora(rank)
            break
