# expect: not-distillation-loss
# Subclasses keras.losses.Loss, the kind of loss compile takes, instead of DistillationLoss.
import keras
from keras import ops


class LogitMatch(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return ops.mean(ops.square(y_true - y_pred), axis=-1)


def make_distiller(teacher, student):
    distiller = keras.distillation.Distiller(
        teacher=teacher, student=student, distillation_losses=LogitMatch(), student_loss_weight=0.0
    )
    distiller.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return distiller
