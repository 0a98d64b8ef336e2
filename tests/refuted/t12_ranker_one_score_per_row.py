# backends: jax torch tensorflow
"""Refuted: a Keras-RS "ranker" that gives one score per row (`Input((16,))` → `FeatureCross` →
`Dense(1)`) trains with `PairwiseHingeLoss`.

Track 12 (docs/tracks/12-kerashub.md, "A look at Keras-RS") once showed this model as a ranker.
Scores shaped `(batch, 1)` make every list one item long, so a pairwise loss finds no pairs: it
is exactly 0 and nothing is learned. The page now scores lists of candidates, shaped `(queries,
candidates)`, with the claim check "a ranking loss on lists of one item has no pairs: the loss is
exactly 0 and nothing is learned". This script asserts the old model learns and must fail with an
AssertionError. It needs keras-rs (`pip install keras-rs`).
"""

import keras
import keras_rs
import numpy as np

rng = np.random.default_rng(0)
items = rng.normal(size=(64, 16)).astype("float32")
relevance = np.digitize(items[:, :4].sum(axis=-1), [-1.0, 0.0, 1.0]).astype("float32")[:, None]

keras.utils.set_random_seed(0)
features = keras.Input(shape=(16,))
crossed = keras_rs.layers.FeatureCross()(features, features)
ranker = keras.Model(features, keras.layers.Dense(1)(crossed))
ranker.compile(optimizer="adam", loss=keras_rs.losses.PairwiseHingeLoss())
losses = ranker.fit(items, relevance, epochs=2, verbose=0).history["loss"]

assert losses[0] > 0.0, f"the pairwise loss of one-item lists is {losses}: no pairs to rank"
