# expect: one-score-per-list
# Flattens the list and gives it a single score, as a classifier would.
import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    features = keras.Input(shape=(num_candidates, num_features))
    score = keras.layers.Dense(1)(keras.layers.Flatten()(features))
    model = keras.Model(features, score)
    model.compile(
        loss=keras_rs.losses.PairwiseHingeLoss(),
        metrics=[keras_rs.metrics.NDCG(k=num_candidates)],
    )
    return model
