# expect: not-compiled
# Builds the distiller but forgets to compile it.
import keras
from keras import ops


class LogitMatch(keras.distillation.DistillationLoss):
    def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
        return ops.mean(ops.square(teacher_outputs - student_outputs))


def make_distiller(teacher, student):
    return keras.distillation.Distiller(
        teacher=teacher, student=student, distillation_losses=LogitMatch(), student_loss_weight=0.0
    )
