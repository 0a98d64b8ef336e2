# expect: causal-in-constructor
# Passes use_causal_mask to the constructor, as sliding_window is, instead of to the call.
from keras import layers


def gqa_block(h, hidden=64):
    a = layers.RMSNormalization()(h)
    attention = layers.GroupQueryAttention(
        head_dim=16, num_query_heads=2, num_key_value_heads=1, use_causal_mask=True
    )
    a = attention(a, a)
    h = layers.Add()([h, a])
    f = layers.RMSNormalization()(h)
    f = layers.Dense(hidden, activation="gelu")(f)
    return layers.Add()([h, layers.Dense(h.shape[-1])(f)])
