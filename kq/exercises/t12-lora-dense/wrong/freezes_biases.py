# expect: biases-frozen
# Freezes every bias as well, as PEFT's LoRA does by default, so only the adapters train.
from keras import layers


def add_lora(model, rank):
    for layer in model.layers:
        if isinstance(layer, layers.Dense):
            layer.enable_lora(rank)
            layer.bias.trainable = False
