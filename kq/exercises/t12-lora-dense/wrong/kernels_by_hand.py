# expect: no-lora
# Freezes each Dense kernel by hand and believes that is LoRA; no adapters are added.
from keras import layers


def add_lora(model, rank):
    for layer in model.layers:
        if isinstance(layer, layers.Dense):
            layer.kernel.trainable = False
