# expect: not-compiled
# Builds the right model but returns it without compiling it.
import keras


def make_ranker(num_candidates, num_features):
    features = keras.Input(shape=(num_candidates, num_features))
    scores = keras.layers.Reshape((num_candidates,))(keras.layers.Dense(1)(features))
    return keras.Model(features, scores)
