import keras
from keras import ops


class LogitMatch(keras.distillation.DistillationLoss):
    """The mean squared difference between teacher and student logits."""

    def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
        return ops.mean(ops.square(teacher_outputs - student_outputs))


def make_distiller(teacher, student):
    distiller = keras.distillation.Distiller(
        teacher=teacher,
        student=student,
        distillation_losses=LogitMatch(),
        student_loss_weight=0.0,
    )
    distiller.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return distiller


# With student_loss_weight=0.0 the labels play no part in the loss: the student learns only to
# reproduce the teacher's logits, as closely as its layers allow, and the labels can no longer
# correct the teacher's mistakes. That is also how distillation can use unlabelled data.
