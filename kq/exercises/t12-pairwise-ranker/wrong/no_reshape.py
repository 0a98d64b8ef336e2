# expect: extra-axis
# Leaves Dense(1)'s last axis: scores shaped (queries, candidates, 1), not (queries, candidates).
import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    features = keras.Input(shape=(num_candidates, num_features))
    model = keras.Model(features, keras.layers.Dense(1)(features))
    model.compile(
        loss=keras_rs.losses.PairwiseHingeLoss(),
        metrics=[keras_rs.metrics.NDCG(k=num_candidates)],
    )
    return model
