# backends: jax torch tensorflow
"""Refuted: "Attention ignores order (shuffle the keys and the weighted sum is the same)".

Track 11 (docs/tracks/11-sequences.md, "Order comes from position embeddings") once said this.
Shuffling the keys alone pairs each value with another key's score, so the outputs change; only
keys and values permuted *together* leave an unmasked attention output unchanged, and with
`use_causal_mask=True` not even that. The claim check "Unmasked attention has no notion of order:
permuting keys and values together leaves each query's output unchanged" replaced it. This script
asserts the old sentence, for keys alone, and must fail with an AssertionError.
"""

import keras
import numpy as np
from keras import layers, ops

keras.utils.set_random_seed(0)
attention = layers.MultiHeadAttention(num_heads=2, key_dim=4)
sequence = np.random.default_rng(2).normal(size=(1, 5, 8)).astype("float32")
shuffled = [3, 0, 4, 1, 2]

in_order = ops.convert_to_numpy(attention(sequence, sequence, key=sequence))
keys_shuffled = ops.convert_to_numpy(attention(sequence, sequence, key=sequence[:, shuffled]))
assert np.allclose(in_order, keys_shuffled, atol=1e-5), (
    "shuffling the keys alone changed the attention output: attention does depend on which key "
    "goes with which value"
)
