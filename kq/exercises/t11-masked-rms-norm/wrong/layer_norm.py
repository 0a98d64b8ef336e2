# expect: not-rms
# Subclasses LayerNormalization, which keeps the mask but also subtracts the mean.
from keras import layers


class MaskedRMSNormalization(layers.LayerNormalization):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
