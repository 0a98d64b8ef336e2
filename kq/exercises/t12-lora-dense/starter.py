import keras
from keras import layers


def add_lora(model, rank):
    """Enable LoRA with this rank on every Dense layer of a built model."""
    # Find the Dense layers and turn LoRA on in each.
