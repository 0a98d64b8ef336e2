# expect: swapped-roles
# Passes the models positionally in the order student, teacher.
import keras
from keras import ops


class LogitMatch(keras.distillation.DistillationLoss):
    def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
        return ops.mean(ops.square(teacher_outputs - student_outputs))


def make_distiller(teacher, student):
    distiller = keras.distillation.Distiller(
        student, teacher, distillation_losses=LogitMatch(), student_loss_weight=0.0
    )
    distiller.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return distiller
