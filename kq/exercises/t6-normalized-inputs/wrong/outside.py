# expect: normalize-inside
# Normalizes the training array with NumPy and builds a model that expects normalized data.
import keras
from keras import layers


def build_model(train_features):
    mean, std = train_features.mean(axis=0), train_features.std(axis=0)
    train_features[:] = (train_features - mean) / std
    return keras.Sequential([keras.Input(shape=(3,)), layers.Dense(1)])
