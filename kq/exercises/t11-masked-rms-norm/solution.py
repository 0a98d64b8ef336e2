from keras import layers


class MaskedRMSNormalization(layers.RMSNormalization):
    """RMSNormalization that passes its input's padding mask on."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Each position is normalised alone, so the mask stays valid: pass it on.
        self.supports_masking = True
