# expect: hard-coded-size
# Copies the page's shape, 5 candidates of 16 features, into keras.Input.
import keras
import keras_rs


def make_ranker(num_candidates, num_features):
    features = keras.Input(shape=(5, 16))
    scores = keras.layers.Reshape((5,))(keras.layers.Dense(1)(features))
    model = keras.Model(features, scores)
    model.compile(
        loss=keras_rs.losses.PairwiseHingeLoss(),
        metrics=[keras_rs.metrics.NDCG(k=num_candidates)],
    )
    return model
