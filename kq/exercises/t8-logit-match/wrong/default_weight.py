# expect: student-loss-weight
# Leaves student_loss_weight at its default, so half the loss still comes from the labels.
import keras
from keras import ops


class LogitMatch(keras.distillation.DistillationLoss):
    def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
        return ops.mean(ops.square(teacher_outputs - student_outputs))


def make_distiller(teacher, student):
    distiller = keras.distillation.Distiller(
        teacher=teacher, student=student, distillation_losses=LogitMatch()
    )
    distiller.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return distiller
