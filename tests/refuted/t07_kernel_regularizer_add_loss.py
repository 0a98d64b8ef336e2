# backends: jax torch tensorflow
"""Track 7 (docs/tracks/07-custom-layers.md), section "Extra losses from inside a layer: add_loss".

Old sentence: "`activity_regularizer=` on any layer, and `kernel_regularizer=` penalizes weights;
both go through `add_loss` too." (also in the explanation of quiz t7-add-loss).

Only the activity regularizer calls ``add_loss``. A kernel regularizer is stored with the weight
by ``add_weight`` and its penalty is computed from the weight whenever ``losses`` is read, so a
layer's own ``add_loss`` list stays empty after a call. The page's claim checks "kernel_regularizer
does not use add_loss ..." and "activity_regularizer adds its penalty through add_loss at each
call; kernel_regularizer does not" replaced it.
"""

import keras
import numpy as np

layer = keras.layers.Dense(2, kernel_regularizer="l2", name="regularized")
layer(np.ones((4, 3), dtype="float32"))

assert len(layer.losses) == 1, "the kernel penalty should at least appear in losses"
# The old statement: the penalty was added with add_loss during the call.
assert len(layer._losses) == 1, "kernel_regularizer did not go through add_loss"
