# expect: mask-dropped
# Sets supports_masking before super().__init__(), which then sets it back to False.
from keras import layers


class MaskedRMSNormalization(layers.RMSNormalization):
    def __init__(self, **kwargs):
        self.supports_masking = True
        super().__init__(**kwargs)
