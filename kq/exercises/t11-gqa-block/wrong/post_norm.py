# expect: residual
# Writes the original post-norm block: adds first, then normalises the sum, so h never passes.
from keras import layers


def gqa_block(h, hidden=64):
    a = layers.GroupQueryAttention(head_dim=16, num_query_heads=2, num_key_value_heads=1)(
        h, h, use_causal_mask=True
    )
    h = layers.RMSNormalization()(layers.Add()([h, a]))
    f = layers.Dense(hidden, activation="gelu")(h)
    return layers.RMSNormalization()(layers.Add()([h, layers.Dense(h.shape[-1])(f)]))
