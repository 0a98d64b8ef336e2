# expect: not-gqa
# Keeps MultiHeadAttention from transformer_block instead of switching to GroupQueryAttention.
from keras import layers


def gqa_block(h, hidden=64):
    a = layers.RMSNormalization()(h)
    a = layers.MultiHeadAttention(num_heads=2, key_dim=16)(a, a, use_causal_mask=True)
    h = layers.Add()([h, a])
    f = layers.RMSNormalization()(h)
    f = layers.Dense(hidden, activation="gelu")(f)
    return layers.Add()([h, layers.Dense(h.shape[-1])(f)])
