# expect: batch-axis
# Writes axis=0 as in NumPy's mean(axis=0), which gives every row of the data its own statistics.
import keras
from keras import layers


def build_model(train_features):
    norm = layers.Normalization(axis=0)
    norm.adapt(train_features)
    return keras.Sequential([keras.Input(shape=(3,)), norm, layers.Dense(1)])
