# expect: init-kwargs
# Writes an __init__ without **kwargs, so name= (and from_config) cannot reach the base class.
from keras import layers


class MaskedRMSNormalization(layers.RMSNormalization):
    def __init__(self):
        super().__init__()
        self.supports_masking = True
