import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    """Score each candidate of a list; compiled with a pairwise ranking loss and NDCG."""
    features = keras.Input(shape=(num_candidates, num_features))
    scores = keras.layers.Dense(1)(features)  # the same Dense scores every candidate
    scores = keras.layers.Reshape((num_candidates,))(scores)  # (queries, candidates)
    model = keras.Model(features, scores)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-2),
        loss=keras_rs.losses.PairwiseHingeLoss(),
        metrics=[keras_rs.metrics.NDCG(k=num_candidates, name="ndcg")],
    )
    return model
