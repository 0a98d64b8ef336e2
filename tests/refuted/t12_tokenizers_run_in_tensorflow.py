# backends: jax torch tensorflow
"""Refuted: "Tokenizers and preprocessors run their string work in TensorFlow and hand the
resulting ids to your backend".

Track 12 (docs/tracks/12-kerashub.md, "What pip install keras-hub brings", its backend note and
the explanation of quiz t12-install-tensorflow) once said this. In keras-hub 0.32.0 a tokenizer
called eagerly takes the pure-Python path and returns a NumPy array; TensorFlow runs only inside
`tf.data` or a `tf.function`. The claim check "a tokenizer you call yourself runs in plain Python
and returns NumPy arrays, on every backend; inside a tf.function it switches to TensorFlow"
replaced it. This script asserts the old sentence and must fail with an AssertionError.
"""

import keras_hub

vocabulary = {"<|endoftext|>": 0, "a": 1, "b": 2, "c": 3, "Ġ": 4, "Ġa": 5, "Ġb": 6, "Ġc": 7}
tokenizer = keras_hub.models.GPT2Tokenizer(vocabulary=vocabulary, merges=["Ġ a", "Ġ b", "Ġ c"])
ids = tokenizer("a b c a")

assert tokenizer._use_tf_workflow(), "an eager tokenizer call took the pure-Python path"
assert type(ids).__module__.startswith("tensorflow"), f"the ids are a {type(ids)}, not a tf.Tensor"
