# expect: class-not-instance
# Lists the NDCG class in metrics instead of an NDCG object.
import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    features = keras.Input(shape=(num_candidates, num_features))
    scores = keras.layers.Reshape((num_candidates,))(keras.layers.Dense(1)(features))
    model = keras.Model(features, scores)
    model.compile(loss=keras_rs.losses.PairwiseHingeLoss(), metrics=[keras_rs.metrics.NDCG])
    return model
