# expect: ranking-loss
# Regresses each candidate's relevance with mean squared error instead of a ranking loss.
import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    features = keras.Input(shape=(num_candidates, num_features))
    scores = keras.layers.Reshape((num_candidates,))(keras.layers.Dense(1)(features))
    model = keras.Model(features, scores)
    model.compile(loss="mse", metrics=[keras_rs.metrics.NDCG(k=num_candidates)])
    return model
