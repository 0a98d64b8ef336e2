# expect: residual
# Replaces h with the attention's output instead of adding it to h.
from keras import layers


def gqa_block(h, hidden=64):
    a = layers.RMSNormalization()(h)
    h = layers.GroupQueryAttention(head_dim=16, num_query_heads=2, num_key_value_heads=1)(
        a, a, use_causal_mask=True
    )
    f = layers.RMSNormalization()(h)
    f = layers.Dense(hidden, activation="gelu")(f)
    return layers.Add()([h, layers.Dense(h.shape[-1])(f)])
