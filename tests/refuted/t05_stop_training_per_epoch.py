# backends: jax torch tensorflow
"""Track 5 (docs/tracks/05-training.md, solution of the StopBelow exercise) once said that "`fit`
checks `stop_training` after each epoch's callbacks have run", as if the flag were read only at the
end of an epoch. `fit` reads it after every batch as well, so a callback that raises the flag in
`on_train_batch_end` stops training inside the epoch. The claim check "fit checks stop_training
after every batch, not only at the end of an epoch" replaced the sentence. This script asserts the
old reading (a whole epoch of 32 steps still runs) and must fail.
"""

import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(1000, 20)).astype("float32")
y = rng.normal(size=(1000, 1)).astype("float32")


class StopAtThirdBatch(keras.callbacks.Callback):
    def on_train_batch_end(self, batch, logs=None):
        if batch == 2:
            self.model.stop_training = True


model = keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3, verbose=0, callbacks=[StopAtThirdBatch()])
steps = int(model.optimizer.iterations)
assert steps == 32, f"fit ran {steps} steps: it stopped inside the first epoch"
