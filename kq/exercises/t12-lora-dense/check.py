"""LoRA on every Dense layer

A function that turns on low-rank adapters in each Dense layer of a trained model.
"""

import keras
from keras import layers

from kq.checking import Hint, calling, require

TRACK = 12

HINTS = {
    "not-callable": Hint(
        "`add_lora` must be a function: `def add_lora(model, rank):`.",
        see="12-kerashub#lora-trains-adapters",
    ),
    "model-has-no-lora": Hint(
        "A plain `keras.Model` has no `enable_lora` (a KerasHub backbone has one, which turns "
        "LoRA on in the query and value layers of its attention). Walk `model.layers` and "
        "call `layer.enable_lora(rank)` on each `Dense` layer.",
        see="12-kerashub#lora-trains-adapters",
    ),
    "only-dense": Hint(
        "Your function calls `enable_lora` on a layer that has none (a `Dropout` or a "
        "normalization layer). Pick the layers with `isinstance(layer, layers.Dense)`.",
        see="12-kerashub#lora-trains-adapters",
    ),
    "fails": Hint(
        "Calling `add_lora(model, 2)` raised an error; call `layer.enable_lora(rank)` once "
        "on each `Dense` layer of the (already built) model.",
        see="12-kerashub#lora-trains-adapters",
    ),
    "no-lora": Hint(
        "No `Dense` layer has LoRA turned on after your function. Call "
        "`layer.enable_lora(rank)` on each: it freezes the kernel and adds the trainable "
        "`lora_kernel_a` and `lora_kernel_b` (freezing kernels yourself adds no adapters).",
        see="12-kerashub#lora-trains-adapters",
    ),
    "every-dense": Hint(
        "Some `Dense` layers have no adapter: enable LoRA on every `Dense` layer of "
        "`model.layers`, not only the first.",
        see="12-kerashub#lora-trains-adapters",
    ),
    "rank": Hint(
        "`add_lora(model, 2)` gave adapters of another rank: pass the `rank` argument on, "
        "`layer.enable_lora(rank)`.",
        see="12-kerashub#lora-trains-adapters",
    ),
    "biases-frozen": Hint(
        "Only the adapters are trainable after your function: you froze the biases too. "
        "Leave them as `enable_lora` leaves them, trainable (a KerasHub backbone's "
        "`enable_lora` keeps the query and value biases trainable as well).",
        see="12-kerashub#lora-trains-adapters",
    ),
    "do-not-freeze": Hint(
        "After your function nothing is trainable, adapters included: do not freeze the "
        "model or the layers yourself. `enable_lora` already freezes each kernel and leaves "
        "the new adapter matrices (and the biases) trainable.",
        see="12-kerashub#lora-trains-adapters",
    ),
}


def _dense_stack():
    model = keras.Sequential(
        [
            keras.Input(shape=(8,)),
            layers.Dense(16, activation="relu", kernel_initializer="ones"),
            layers.Dense(16, activation="relu", kernel_initializer="ones"),
            layers.Dense(3, kernel_initializer="ones"),
        ]
    )
    return model


def _mixed():
    return keras.Sequential(
        [
            keras.Input(shape=(8,)),
            layers.Dense(12, activation="relu", kernel_initializer="ones"),
            layers.Dropout(0.1),
            layers.LayerNormalization(),
            layers.Dense(3, kernel_initializer="ones"),
        ]
    )


def _call(fn, model, rank):
    try:
        fn(model, rank)
    except AttributeError as exc:
        require(type(model).__name__ not in str(exc), "model-has-no-lora")
        require("enable_lora" not in str(exc), "only-dense")
        raise


def _dense(model):
    return [layer for layer in model.layers if isinstance(layer, layers.Dense)]


def check(answer):
    fn = answer.add_lora
    require(callable(fn) and not isinstance(fn, type), "not-callable")
    model = _dense_stack()
    with calling("fails"):
        _call(fn, model, 2)
    dense = _dense(model)
    require(any(layer.lora_enabled for layer in dense), "no-lora")
    require(all(layer.lora_enabled for layer in dense), "every-dense")
    require(all(layer.lora_rank == 2 for layer in dense), "rank")
    names = sorted({w.name for w in model.trainable_weights})
    require(names != ["lora_kernel_a", "lora_kernel_b"], "biases-frozen")
    require(names == ["bias", "lora_kernel_a", "lora_kernel_b"], "do-not-freeze")

    mixed = _mixed()
    with calling("fails"):
        _call(fn, mixed, 3)
    require(all(layer.lora_enabled and layer.lora_rank == 3 for layer in _dense(mixed)), "rank")
