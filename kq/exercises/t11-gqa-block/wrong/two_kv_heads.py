# expect: kv-heads
# Gives as many key/value heads as query heads, which is plain multi-head attention again.
from keras import layers


def gqa_block(h, hidden=64):
    a = layers.RMSNormalization()(h)
    a = layers.GroupQueryAttention(head_dim=16, num_query_heads=2, num_key_value_heads=2)(
        a, a, use_causal_mask=True
    )
    h = layers.Add()([h, a])
    f = layers.RMSNormalization()(h)
    f = layers.Dense(hidden, activation="gelu")(f)
    return layers.Add()([h, layers.Dense(h.shape[-1])(f)])
