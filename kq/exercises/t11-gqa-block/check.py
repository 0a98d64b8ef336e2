"""A transformer block with grouped-query attention

A pre-norm causal transformer block whose attention shares one key/value head between two
query heads.
"""

import keras
import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 11

HINTS = {
    "not-callable": Hint(
        "`gqa_block` must be a function that takes a tensor and returns one: "
        "`def gqa_block(h, hidden=64):`.",
        see="11-sequences#next-token-targets",
    ),
    "causal-in-constructor": Hint(
        "`use_causal_mask` is an argument of the *call*, not of the constructor (unlike "
        "`sliding_window`): write `attention(a, a, use_causal_mask=True)`.",
        see="11-sequences#sliding-window-in-constructor",
    ),
    "mha-arguments": Hint(
        "`GroupQueryAttention` does not take `MultiHeadAttention`'s `num_heads` and `key_dim`: "
        "its arguments have other names. Write "
        "`layers.GroupQueryAttention(head_dim=16, num_query_heads=2, num_key_value_heads=1)`.",
        see="11-sequences#gqa-shares-key-value-heads",
    ),
    "build-fails": Hint(
        "Calling `gqa_block` on `keras.Input(shape=(6, 24))` raised an error. Follow "
        "`transformer_block`: normalise, attend, add, then normalise, `Dense(hidden)`, "
        "`Dense` back to the input's width, add.",
        see="11-sequences#next-token-targets",
    ),
    "not-gqa": Hint(
        "Your block has no `GroupQueryAttention` layer: replace `MultiHeadAttention` with "
        "`layers.GroupQueryAttention(head_dim=16, num_query_heads=2, num_key_value_heads=1)`.",
        see="11-sequences#gqa-shares-key-value-heads",
    ),
    "kv-heads": Hint(
        "The two query heads should share one key/value head: `num_key_value_heads=1` (with "
        "as many key/value heads as query heads it is ordinary multi-head attention).",
        see="11-sequences#gqa-shares-key-value-heads",
    ),
    "head-dim": Hint(
        "Each head should have 16 dimensions, `head_dim=16`: `head_dim` is the size of one "
        "head, not the width of the model.",
        see="11-sequences#gqa-shares-key-value-heads",
    ),
    "not-causal": Hint(
        "Changing the last tokens changed the block's output at earlier positions: the "
        "attention looks ahead. Call it with `use_causal_mask=True`.",
        see="11-sequences#next-token-targets",
    ),
    "residual": Hint(
        "With every weight set to zero, a pre-norm block returns its input unchanged (each "
        "branch gives zeros, added to `h`), and yours does not. Add the input back around "
        "the attention and around the feed-forward part, `layers.Add()([h, ...])` each time, "
        "and normalise only at the start of each branch, never after an addition.",
        see="11-sequences#attention-needs-positions",
    ),
    "hard-coded-width": Hint(
        "On inputs 24 features wide your block fails or changes the width: the last `Dense` "
        "has a fixed number of units, so its output cannot be added back to `h`. Use the "
        "input's width, `h.shape[-1]`.",
        see="11-sequences#attention-needs-positions",
    ),
}


def _model(fn, width):
    inputs = keras.Input(shape=(6, width))
    try:
        outputs = fn(inputs)
    except Exception as exc:  # noqa: BLE001 - the learner's code: which mistake is it?
        require("use_causal_mask" not in str(exc), "causal-in-constructor")
        require("required positional arguments: 'head_dim'" not in str(exc), "mha-arguments")
        require("incompatible shapes" not in str(exc), "hard-coded-width")
        raise
    return keras.Model(inputs, outputs)


def _run(model, x):
    if keras.backend.backend() == "jax":  # one compile of the whole model beats many small ones
        return np.asarray(model.predict(x, verbose=0))
    return ops.convert_to_numpy(model(x))


def check(answer):
    fn = answer.gqa_block
    require(callable(fn) and not isinstance(fn, type), "not-callable")
    with calling("build-fails"):
        model = _model(fn, 24)
    require(tuple(model.output.shape) == (None, 6, 24), "hard-coded-width")
    attention = [layer for layer in model.layers if isinstance(layer, layers.GroupQueryAttention)]
    require(len(attention) == 1, "not-gqa")
    config = attention[0].get_config()
    require(config["num_query_heads"] == 2 and config["num_key_value_heads"] == 1, "kv-heads")
    require(config["head_dim"] == 16, "head-dim")
    x = np.random.default_rng(0).normal(size=(2, 6, 24)).astype("float32")
    changed = x.copy()
    changed[:, 4:] += 1.0
    with calling("build-fails"):
        first = _run(model, x)
        second = _run(model, changed)
    require(np.allclose(first[:, :4], second[:, :4], atol=1e-5), "not-causal")
    for weight in model.weights:
        weight.assign(np.zeros(tuple(weight.shape), dtype="float32"))
    with calling("build-fails"):
        zeroed = _run(model, x)
    require(np.allclose(zeroed, x, atol=1e-5), "residual")
