"""A classifier compiled for logits

`build_classifier()` returns a model that outputs 3 logits per sample, compiled with a
from-logits cross-entropy, accuracy, and AdamW on a cosine learning-rate schedule.
"""

import keras
import numpy as np

from kq.checking import Hint, calling, require

TRACK = 5

HINTS = {
    "build-fails": Hint(
        "Calling `build_classifier()` raised an error; it should build the model, compile it "
        "and return it.",
        see="05-training#logits-need-from-logits",
    ),
    "not-a-model": Hint(
        "`build_classifier()` must *return* the model, a `keras.Model`; check its `return` line.",
        see="05-training#logits-need-from-logits",
    ),
    "one-unit-per-class": Hint(
        "For 20 features in, the model should give 3 numbers per sample, one score per class: "
        "start from `keras.Input(shape=(20,))` and end with `layers.Dense(3)`.",
        see="05-training#logits-need-from-logits",
    ),
    "softmax-output": Hint(
        "Your model's rows sum to 1: it outputs probabilities. The task asks for logits, so "
        "leave the softmax out of the last layer (`Dense(3)`, no activation) and let the loss "
        "apply it with `from_logits=True`.",
        see="05-training#logits-need-from-logits",
    ),
    "not-compiled": Hint(
        "The model is not compiled: call `model.compile(optimizer=..., loss=..., "
        "metrics=[...])` before returning it.",
        see="05-training#compile-records-choices",
    ),
    "integer-labels": Hint(
        "Evaluating on integer labels (0, 1, 2) raised an error. `CategoricalCrossentropy` "
        "wants one-hot labels; for class numbers use `SparseCategoricalCrossentropy`.",
        see="05-training#logits-need-from-logits",
    ),
    "from-logits": Hint(
        "The loss is not the cross-entropy of the model's logits: the loss treats them as "
        "probabilities. Use `keras.losses.SparseCategoricalCrossentropy(from_logits=True)`; "
        'the string `"sparse_categorical_crossentropy"` means `from_logits=False`.',
        see="05-training#logits-need-from-logits",
    ),
    "accuracy": Hint(
        '`evaluate` reports no correct `"accuracy"`: add `metrics=["accuracy"]` to `compile`.',
        see="05-training#logits-need-from-logits",
    ),
    "adamw": Hint(
        "The optimizer should be `keras.optimizers.AdamW`, Adam with decoupled weight decay.",
        see="05-training#adamw-weight-decay",
    ),
    "schedule": Hint(
        "The learning rate should follow `CosineDecay(initial_learning_rate=0.01, "
        "decay_steps=100)`: 0.01 at step 0, 0.005 at step 50. Pass the schedule object as "
        "`AdamW(learning_rate=schedule)`.",
        see="05-training#adamw-weight-decay",
    ),
}


def check(answer):
    with calling("build-fails"):
        model = answer.build_classifier()
    require(isinstance(model, keras.Model), "not-a-model")
    rng = np.random.default_rng(5)
    x = rng.normal(size=(16, 20)).astype("float32")
    labels = rng.integers(0, 3, size=16)
    with calling("one-unit-per-class"):
        scores = keras.ops.convert_to_numpy(model(x))
    require(scores.shape == (16, 3), "one-unit-per-class")
    is_probability = scores.min() >= 0 and np.allclose(scores.sum(axis=1), 1.0, atol=1e-4)
    require(not is_probability, "softmax-output")
    require(getattr(model, "compiled", False), "not-compiled")
    model.run_eagerly = True  # the check's choice: a few samples need no compiled step
    with calling("integer-labels"):
        logs = model.evaluate(x, labels, batch_size=16, verbose=0, return_dict=True)
    logits = scores.astype("float64")
    log_softmax = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    entropy = -np.mean(log_softmax[np.arange(16), labels])
    require(np.isclose(logs["loss"], entropy, rtol=1e-4), "from-logits")
    right = np.mean(scores.argmax(axis=1) == labels)
    require("accuracy" in logs and np.isclose(logs["accuracy"], right), "accuracy")
    optimizer = model.optimizer
    require(isinstance(optimizer, keras.optimizers.AdamW), "adamw")
    start = float(optimizer.learning_rate)
    optimizer.iterations.assign(50)
    halfway = float(optimizer.learning_rate)
    require(np.isclose(start, 0.01) and np.isclose(halfway, 0.005, atol=1e-6), "schedule")
