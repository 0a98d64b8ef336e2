# expect: model-has-no-lora
# Calls enable_lora on the model, as on a KerasHub backbone, but a plain keras.Model has none.
def add_lora(model, rank):
    model.enable_lora(rank)
