# expect: normalize-first
# Puts a Dense layer before the Normalization, which then scales learned features, not raw inputs.
import keras
from keras import layers


def build_model(train_features):
    norm = layers.Normalization()
    norm.adapt(train_features)
    return keras.Sequential([keras.Input(shape=(3,)), layers.Dense(3), norm, layers.Dense(1)])
