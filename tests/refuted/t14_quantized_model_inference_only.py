# backends: jax torch tensorflow
"""Refuted: after `model.quantize("int8")` "the quantized kernel is no longer trainable (only the
bias would be), so treat the result as an inference model" (docs/tracks/14-performance.md,
"Quantization").

The int8 kernel is frozen, but LoRA adapters added with `enable_lora` on top of it train (QLoRA).
The page now says so, checked by the claim "A quantized int8 kernel is frozen, but LoRA adapters
added on top of it with enable_lora are trainable (QLoRA)."
"""

import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(64, 16)).astype("float32")
y = (x[:, :4].sum(axis=1, keepdims=True) > 0).astype("float32")
model = keras.Sequential(
    [
        keras.Input(shape=(16,)),
        keras.layers.Dense(8, activation="relu", name="hidden"),
        keras.layers.Dense(1, activation="sigmoid", name="out"),
    ]
)
model.quantize("int8")
hidden = model.get_layer("hidden")
hidden.enable_lora(2)
before = {w.path: np.array(w.numpy()) for w in hidden.trainable_weights}
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
trained = [
    path
    for path, old in before.items()
    if "bias" not in path
    and not np.allclose(old, [w for w in hidden.trainable_weights if w.path == path][0].numpy())
]
assert not trained, f"only the bias should train in an inference-only model, but {trained} changed"
