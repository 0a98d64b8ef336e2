import keras
from keras import ops


class LogitMatch(keras.distillation.DistillationLoss):
    """The mean squared difference between teacher and student logits."""

    def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
        return ops.zeros(())  # compare the two sets of logits here


def make_distiller(teacher, student):
    # Build a keras.distillation.Distiller that uses LogitMatch alone, compile it, return it.
    return None
