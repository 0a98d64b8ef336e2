# expect: compile-loss
# Compiles without a loss, since the labels are not used.
import keras
from keras import ops


class LogitMatch(keras.distillation.DistillationLoss):
    def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
        return ops.mean(ops.square(teacher_outputs - student_outputs))


def make_distiller(teacher, student):
    distiller = keras.distillation.Distiller(
        teacher=teacher, student=student, distillation_losses=LogitMatch(), student_loss_weight=0.0
    )
    distiller.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01))
    return distiller
