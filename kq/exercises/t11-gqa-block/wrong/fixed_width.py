# expect: hard-coded-width
# Copies DIM = 32 from the page into the last Dense instead of using the input's width.
from keras import layers

DIM = 32


def gqa_block(h, hidden=64):
    a = layers.RMSNormalization()(h)
    a = layers.GroupQueryAttention(head_dim=16, num_query_heads=2, num_key_value_heads=1)(
        a, a, use_causal_mask=True
    )
    h = layers.Add()([h, a])
    f = layers.RMSNormalization()(h)
    f = layers.Dense(hidden, activation="gelu")(f)
    return layers.Add()([h, layers.Dense(DIM)(f)])
