# expect: mha-arguments
# Swaps the class name but keeps MultiHeadAttention's arguments, num_heads and key_dim.
from keras import layers


def gqa_block(h, hidden=64, heads=2):
    a = layers.RMSNormalization()(h)
    a = layers.GroupQueryAttention(num_heads=heads, key_dim=16)(a, a, use_causal_mask=True)
    h = layers.Add()([h, a])
    f = layers.RMSNormalization()(h)
    f = layers.Dense(hidden, activation="gelu")(f)
    return layers.Add()([h, layers.Dense(h.shape[-1])(f)])
