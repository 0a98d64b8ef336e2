# backends: jax torch tensorflow
"""Track 8 (docs/tracks/08-custom-training.md), section "Metric state" and quiz t8-metrics-property.

Old sentences: "That is why `TrackedModel` lists its trackers there: a tracker left out would keep
averaging across epochs", "list your trackers in the `metrics` property so `fit` resets them", and
the quiz's marked answer that a tracker "not listed in the metrics property" is never reset.

In Keras 3 a ``Metric`` assigned as a model attribute is tracked by itself: without a ``metrics``
override it is in ``model.metrics`` and ``fit`` resets it at every epoch. Only a metric left out of
an override keeps accumulating. The page's claim checks "Metrics assigned as attributes are
tracked and reset every epoch, with no metrics override" and, per backend, "On TensorFlow (PyTorch),
a metric left out of a metrics override is never reset and accumulates across epochs" replaced them.
"""

import keras
import numpy as np
from keras import layers, ops

rng = np.random.default_rng(seed=0)
x = rng.normal(size=(128, 4)).astype("float32")
y = x.sum(axis=1, keepdims=True)


class CountingModel(keras.Model):
    """Counts samples in an attribute metric; never mentions the metrics property."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(1)
        self.seen = keras.metrics.Sum(name="seen")

    def call(self, inputs):
        return self.dense(inputs)

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        self.seen.update_state(ops.ones_like(y[:, 0]))
        return super().compute_metrics(x, y, y_pred, sample_weight)


model = CountingModel()
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y, epochs=3, batch_size=32, verbose=0)

# The old statement: a tracker not listed in a metrics property is never reset by fit.
assert float(model.seen.result()) == 3 * 128, (
    f"seen is {float(model.seen.result())}: fit reset the unlisted attribute metric each epoch"
)
