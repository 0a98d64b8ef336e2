from keras import layers


def add_lora(model, rank):
    """Enable LoRA with this rank on every Dense layer of a built model."""
    for layer in model.layers:
        if isinstance(layer, layers.Dense):
            layer.enable_lora(rank)  # freezes the kernel, adds two trainable thin matrices
