# expect: variance
# Passes the standard deviation where Normalization expects the variance.
import keras
from keras import layers


def build_model(train_features):
    norm = layers.Normalization(
        mean=train_features.mean(axis=0), variance=train_features.std(axis=0)
    )
    return keras.Sequential([keras.Input(shape=(3,)), norm, layers.Dense(1)])
