import keras
from keras import layers


class MaskedRMSNormalization(layers.RMSNormalization):
    """RMSNormalization that passes its input's padding mask on."""

    # Tell Keras that this layer passes the mask on.
