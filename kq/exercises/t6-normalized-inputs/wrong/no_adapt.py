# expect: forgot-adapt
# Puts a Normalization layer in the model but never calls adapt, so it changes nothing.
import keras
from keras import layers


def build_model(train_features):
    return keras.Sequential([keras.Input(shape=(3,)), layers.Normalization(), layers.Dense(1)])
