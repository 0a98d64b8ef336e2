"""A ranker that scores lists of candidates

A model that gives each candidate of a list a score, trained with a pairwise ranking loss from
Keras-RS and measured with NDCG.
"""

import keras
import numpy as np
from keras import ops

from kq.checking import Hint, calling, require

TRACK = 12

HINTS = {
    "not-callable": Hint(
        "`make_ranker` must be a function: `def make_ranker(num_candidates, num_features):`.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "fails": Hint(
        "`make_ranker(5, 16)` or calling its model on a batch of shape (2, 5, 16) raised an "
        "error. Take `keras.Input(shape=(num_candidates, num_features))`, score it with "
        "`Dense(1)`, and reshape to `(num_candidates,)`.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "not-a-model": Hint(
        "Return the compiled `keras.Model`.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "extra-axis": Hint(
        "Your model's output has shape (queries, candidates, 1), one more axis than the "
        "labels (queries, candidates). End with "
        "`keras.layers.Reshape((num_candidates,))`.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "one-score-per-list": Hint(
        "Your model gives one score per query, but a ranking loss compares the candidates of "
        "a list: it needs one score per candidate, shaped (queries, candidates). Apply "
        "`Dense(1)` to each candidate's features rather than to the flattened list.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "per-candidate": Hint(
        "Swapping two candidates should swap their scores, and with your model it does not: "
        "each score depends on the candidate's position in the list. Score every candidate "
        "with the same layers, e.g. `Dense(1)` on the last axis, not a `Dense(num_candidates)` "
        "on the flattened list.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "not-compiled": Hint(
        "The model is not compiled: call `model.compile(...)` with a ranking loss and the "
        "NDCG metric before returning it.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "class-not-instance": Hint(
        "You passed a class to `compile` where an object belongs: write "
        "`PairwiseHingeLoss()` and `NDCG(k=num_candidates)`, with parentheses. `compile` "
        "takes the class without complaint, but the model's compile config, and so "
        "`model.save`, fails on it.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "ranking-loss": Hint(
        "Compile with a ranking loss from `keras_rs.losses`, such as `PairwiseHingeLoss()`: a "
        "loss such as mean squared error scores each candidate alone and never compares the "
        "candidates of a list.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "ndcg": Hint(
        "Measure the ranking with `metrics=[keras_rs.metrics.NDCG(k=num_candidates)]`; "
        "accuracy does not measure the order of a list.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
    "hard-coded-size": Hint(
        "`make_ranker(4, 3)` fails or gives the wrong shape: the list length or the number of "
        "features is written into the code. Use `num_candidates` and `num_features`.",
        see="12-kerashub#keras-rs-building-blocks",
    ),
}


def _scores(model, x):
    return ops.convert_to_numpy(model(x))


def check(answer):
    fn = answer.make_ranker
    require(callable(fn) and not isinstance(fn, type), "not-callable")
    with calling("fails"):
        model = fn(5, 16)
    require(isinstance(model, keras.Model), "not-a-model")
    x = np.random.default_rng(0).normal(size=(2, 5, 16)).astype("float32")
    with calling("fails"):
        scores = _scores(model, x)
    require(scores.shape != (2, 5, 1), "extra-axis")
    require(scores.shape not in ((2, 1), (2,)), "one-score-per-list")
    require(scores.shape == (2, 5), "fails")
    order = [3, 0, 4, 1, 2]
    with calling("fails"):
        swapped = _scores(model, x[:, order])
    require(np.allclose(swapped, scores[:, order], atol=1e-4), "per-candidate")
    require(model.compiled and model.loss is not None, "not-compiled")
    loss = model.loss
    require(not isinstance(loss, type), "class-not-instance")
    module = getattr(type(loss), "__module__", "") or ""
    require(module.startswith("keras_rs"), "ranking-loss")
    with calling("class-not-instance"):  # a class in metrics= cannot be serialized
        metrics = model.get_compile_config().get("metrics") or []
    require(
        any(isinstance(m, dict) and m.get("class_name") == "NDCG" for m in metrics),
        "ndcg",
    )
    with calling("hard-coded-size"):
        small = fn(4, 3)
        small_scores = _scores(small, np.ones((2, 4, 3), dtype="float32"))
    require(small_scores.shape == (2, 4), "hard-coded-size")
