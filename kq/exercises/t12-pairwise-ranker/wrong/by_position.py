# expect: per-candidate
# Flattens the list and uses Dense(num_candidates): each slot of the list gets its own weights.
import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    features = keras.Input(shape=(num_candidates, num_features))
    scores = keras.layers.Dense(num_candidates)(keras.layers.Flatten()(features))
    model = keras.Model(features, scores)
    model.compile(
        loss=keras_rs.losses.PairwiseHingeLoss(),
        metrics=[keras_rs.metrics.NDCG(k=num_candidates)],
    )
    return model
