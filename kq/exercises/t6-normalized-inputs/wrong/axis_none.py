# expect: per-feature
# Uses axis=None: one mean and variance over all values instead of one per feature.
import keras
from keras import layers


def build_model(train_features):
    norm = layers.Normalization(axis=None)
    norm.adapt(train_features)
    return keras.Sequential([keras.Input(shape=(3,)), norm, layers.Dense(1)])
