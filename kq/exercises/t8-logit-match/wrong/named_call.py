# expect: compute-loss-name
# Implements call, as a keras.losses.Loss would, instead of compute_loss.
import keras
from keras import ops


class LogitMatch(keras.distillation.DistillationLoss):
    def call(self, teacher_outputs, student_outputs):
        return ops.mean(ops.square(teacher_outputs - student_outputs))


def make_distiller(teacher, student):
    distiller = keras.distillation.Distiller(
        teacher=teacher, student=student, distillation_losses=LogitMatch(), student_loss_weight=0.0
    )
    distiller.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return distiller
