# expect: only-dense
# Calls enable_lora on every layer, including layers such as Dropout that have no kernel.
def add_lora(model, rank):
    for layer in model.layers:
        layer.enable_lora(rank)
