# expect: epsilon-lost
# Names epsilon in its own __init__ and then never passes it on to the base class.
from keras import layers


class MaskedRMSNormalization(layers.RMSNormalization):
    def __init__(self, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
