"""One trunk, two heads

`build_shop()` returns a compiled Functional model that reads 8 numbers and predicts a
`"price"` and 3 `"category"` logits from one shared trunk.
"""

import keras
import numpy as np
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 4

HINTS = {
    "build-fails": Hint(
        "Calling `build_shop()` raised an error. Build the graph from one "
        "`keras.Input(shape=(8,))`, call the trunk and the two heads on symbolic tensors, and "
        "return `keras.Model(inputs, outputs={...})`.",
        see="04-models#outputs-keep-their-structure",
    ),
    "not-a-model": Hint(
        "`build_shop()` must *return* the model, a `keras.Model`; check its `return` line.",
        see="04-models#functional-api",
    ),
    "input-shape": Hint(
        "The model should take one input of shape `(None, 8)`: `keras.Input(shape=(8,))` "
        "describes one reading, and Keras adds the batch size as `None`.",
        see="04-models#input-shape-is-one-sample",
    ),
    "outputs-dict": Hint(
        "Calling your model gives a list (or a single tensor), not a dictionary. Pass "
        '`outputs={"price": price, "category": category}` to `keras.Model`: the model returns '
        "the structure you give it.",
        see="04-models#outputs-keep-their-structure",
    ),
    "output-names": Hint(
        'The output dictionary must have exactly the keys `"price"` and `"category"`; '
        "the losses in `compile` are matched to outputs by these names.",
        see="04-models#outputs-keep-their-structure",
    ),
    "head-units": Hint(
        "For a batch of readings, `price` should have shape `(batch, 1)` and `category` "
        "`(batch, 3)`, one score per category: the heads are `Dense(1)` and `Dense(3)`.",
        see="04-models#outputs-keep-their-structure",
    ),
    "heads-on-trunk": Hint(
        "Your heads read the raw input. Call both heads on the trunk's output "
        '(`layers.Dense(16, activation="relu")(reading)`), so both learn from the shared trunk.',
        see="04-models#outputs-keep-their-structure",
    ),
    "one-trunk": Hint(
        "Each head has its own trunk layer, so nothing is shared between the tasks. Create one "
        "`Dense(16)` trunk and call both heads on its output.",
        see="04-models#shared-layer-shares-weights",
    ),
    "trunk-relu": Hint(
        "The outputs do not match a ReLU trunk followed by linear heads: give the trunk "
        '`activation="relu"` and the heads no activation (the category head outputs logits).',
        see="04-models#outputs-keep-their-structure",
    ),
    "not-compiled": Hint(
        "The model is not compiled. Call `model.compile(optimizer=..., loss={...}, "
        "loss_weights={...})` before returning it.",
        see="04-models#outputs-keep-their-structure",
    ),
    "evaluate-fails": Hint(
        "Evaluating your compiled model on targets keyed `price` and `category` raised an "
        'error. Give `compile` one loss per output, keyed by the same names: `loss={"price": '
        '"mse", "category": keras.losses.SparseCategoricalCrossentropy(from_logits=True)}`.',
        see="04-models#outputs-keep-their-structure",
    ),
    "price-loss": Hint(
        '`price_loss` is not the mean squared error of the price head: use `"mse"` for `price`.',
        see="04-models#outputs-keep-their-structure",
    ),
    "category-from-logits": Hint(
        "`category_loss` is not the cross-entropy of the category logits. The head outputs raw "
        "scores, so use `keras.losses.SparseCategoricalCrossentropy(from_logits=True)`; the "
        'string `"sparse_categorical_crossentropy"` expects probabilities.',
        see="05-training#logits-need-from-logits",
    ),
    "loss-weights": Hint(
        "The total `loss` should be `price_loss + 0.5 × category_loss`: pass "
        '`loss_weights={"price": 1.0, "category": 0.5}` to `compile`.',
        see="04-models#outputs-keep-their-structure",
    ),
}


def _numpy(tensor):
    return keras.ops.convert_to_numpy(tensor)


def _dense(model, units):
    return [
        layer for layer in model.layers if isinstance(layer, layers.Dense) and layer.units == units
    ]


def check(answer):
    with calling("build-fails"):
        model = answer.build_shop()
    require(isinstance(model, keras.Model), "not-a-model")
    require(len(model.inputs) == 1 and tuple(model.inputs[0].shape) == (None, 8), "input-shape")
    rng = np.random.default_rng(4)
    x = rng.normal(size=(16, 8)).astype("float32")
    out = model(x)
    require(isinstance(out, dict), "outputs-dict")
    require(sorted(out) == ["category", "price"], "output-names")
    require(
        tuple(out["price"].shape) == (16, 1) and tuple(out["category"].shape) == (16, 3),
        "head-units",
    )
    heads = _dense(model, 1) + _dense(model, 3)
    require(all(tuple(head.input.shape) == (None, 16) for head in heads), "heads-on-trunk")
    trunks = _dense(model, 16)
    require(len(trunks) == 1, "one-trunk")
    kernel, bias = (_numpy(w) for w in trunks[0].weights)
    hidden = np.maximum(x @ kernel + bias, 0)
    for name, head in (("price", _dense(model, 1)[0]), ("category", _dense(model, 3)[0])):
        kernel, bias = (_numpy(w) for w in head.weights)
        require(np.allclose(_numpy(out[name]), hidden @ kernel + bias, atol=1e-5), "trunk-relu")
    require(getattr(model, "compiled", False), "not-compiled")
    targets = {
        "price": rng.normal(size=(16, 1)).astype("float32"),
        "category": rng.integers(0, 3, size=16),
    }
    model.run_eagerly = True  # the check's choice: a few samples need no compiled step
    with calling("evaluate-fails"):
        logs = model.evaluate(x, targets, batch_size=16, verbose=0, return_dict=True)
    price = _numpy(out["price"])
    require(
        np.isclose(logs["price_loss"], np.mean((price - targets["price"]) ** 2), rtol=1e-4),
        "price-loss",
    )
    logits = _numpy(out["category"]).astype("float64")
    log_softmax = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    entropy = -np.mean(log_softmax[np.arange(16), targets["category"]])
    require(np.isclose(logs["category_loss"], entropy, rtol=1e-4), "category-from-logits")
    total = logs["price_loss"] + 0.5 * logs["category_loss"]
    require(np.isclose(logs["loss"], total, rtol=1e-4), "loss-weights")
