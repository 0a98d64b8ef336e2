# backends: torch
"""Refuted: Track 3 (docs/tracks/03-ops.md, section "Control flow that compiles") said of
`ops.scan`: "The carry must keep the same shape and dtype at every step", read as a rule that every
backend enforces.

JAX and TensorFlow raise an error when a step changes the carry's shape; PyTorch accepts it. The
page now says so, and its hidden claim "JAX and TensorFlow raise an error when a step changes the
carry's shape; PyTorch does not check." checks it. This file asserts the old reading on PyTorch.
"""

import os
import tempfile

os.environ["KERAS_HOME"] = tempfile.mkdtemp()  # never read or write the real ~/.keras

from keras import ops  # noqa: E402


def growing(carry, item):
    return ops.concatenate([carry, ops.expand_dims(item, 0)]), item


try:
    ops.scan(growing, ops.zeros((1,)), ops.ones((3,)))
    raised = False
except (TypeError, ValueError):
    raised = True
assert raised, "ops.scan accepted a carry that changes shape"
