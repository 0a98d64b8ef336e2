"""A distillation loss that matches logits

A `DistillationLoss` that compares teacher and student logits by their mean squared difference,
and a `Distiller` that trains a student with it alone.
"""

import keras
import numpy as np
from keras import layers, ops

from kq.checking import Hint, calling, require

TRACK = 8

HINTS = {
    "not-distillation-loss": Hint(
        "`LogitMatch` must be a class that subclasses `keras.distillation.DistillationLoss` "
        "(not `keras.losses.Loss`): `Distiller` takes those as `distillation_losses`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "compute-loss-name": Hint(
        "`LogitMatch` does not override `compute_loss`, so the base class's raises "
        "`NotImplementedError`. A distillation loss implements "
        "`compute_loss(self, teacher_outputs, student_outputs, **kwargs)`, not `call`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "loss-fails": Hint(
        "`LogitMatch().compute_loss(teacher_logits, student_logits)` raised an error; compute "
        "the mean of the squared differences with `keras.ops`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "not-scalar": Hint(
        "`compute_loss` returns one value per sample; `Distiller` refuses that, it needs one "
        "number for the batch. Take `ops.mean` over all the values, with no `axis`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "mean-not-sum": Hint(
        "Your loss is the *sum* of the squared differences, so it grows with the batch size "
        "and the number of classes; take their mean with `ops.mean`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "squared": Hint(
        "Your loss averages the absolute differences; the task asks for the mean *squared* "
        "difference, `ops.mean(ops.square(teacher_outputs - student_outputs))`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "compare-logits": Hint(
        "Your loss compares softmax probabilities; this one matches the raw logits, with no "
        "softmax: `ops.mean(ops.square(teacher_outputs - student_outputs))`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "wrong-value": Hint(
        "For teacher logits of zeros and student logits [[1, -2, 0], [0, 0, 3]] the loss should "
        "be (1 + 4 + 0 + 0 + 0 + 9) / 6 ≈ 2.333, the mean squared difference.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "compile-loss": Hint(
        "`Distiller.compile` raises when `loss` is `None`, even though with "
        "`student_loss_weight=0.0` the labels play no part. Pass one, e.g. "
        "`keras.losses.SparseCategoricalCrossentropy(from_logits=True)`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "distiller-fails": Hint(
        "`make_distiller(teacher, student)` raised an error; it should build "
        "`keras.distillation.Distiller(teacher=..., student=..., distillation_losses=LogitMatch(), "
        "student_loss_weight=0.0)`, compile it and return it.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "not-distiller": Hint(
        "`make_distiller` must return the `keras.distillation.Distiller` it built and compiled.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "swapped-roles": Hint(
        "The distiller's `teacher` and `student` are the wrong models: pass "
        "`teacher=teacher, student=student` by name. The teacher is the one that is frozen.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "uses-logit-match": Hint(
        "The distiller does not use your loss: pass `distillation_losses=LogitMatch()`.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "student-loss-weight": Hint(
        "The distiller still learns from the labels: `student_loss_weight` defaults to 0.5. "
        "Pass `student_loss_weight=0.0` so only the distillation loss counts.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "not-compiled": Hint(
        "The distiller is not compiled; call `distiller.compile(optimizer=..., loss=...)` in "
        "`make_distiller` before returning it.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "fit-fails": Hint(
        "`compute_loss` works on arrays, but `distiller.fit` failed: during training it runs "
        "on tensors being traced or tracked for gradients, where NumPy cannot go. Use "
        "`keras.ops` throughout.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
    "student-unchanged": Hint(
        "After `distiller.fit` the student's weights did not change; the distiller must train "
        "the `student` it was given, with a nonzero learning rate.",
        see="08-custom-training#distiller-freezes-teacher",
    ),
}


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _failing(call, specific, marker, general):
    """Run ``call``; an error whose text holds ``marker`` gets ``specific``, others ``general``."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - which error it is decides the hint
        failure = exc
    with calling(specific if marker in str(failure) else general):
        raise failure


def check(answer):
    cls = answer.LogitMatch
    base = keras.distillation.DistillationLoss
    require(isinstance(cls, type) and issubclass(cls, base), "not-distillation-loss")
    require(cls.compute_loss is not base.compute_loss, "compute-loss-name")
    teacher_logits = np.zeros((2, 3), "float32")
    student_logits = np.array([[1.0, -2.0, 0.0], [0.0, 0.0, 3.0]], "float32")
    with calling("loss-fails"):
        loss = cls().compute_loss(teacher_logits, student_logits)
        loss = np.asarray(ops.convert_to_numpy(loss), dtype="float64")
    require(loss.size == 1, "not-scalar")
    value = float(loss.reshape(()))
    require(not np.isclose(value, 14.0), "mean-not-sum")
    require(not np.isclose(value, 1.0), "squared")
    probabilities = np.mean((_softmax(teacher_logits) - _softmax(student_logits)) ** 2)
    require(not np.isclose(value, probabilities), "compare-logits")
    require(np.isclose(value, 14.0 / 6.0, atol=1e-5), "wrong-value")

    teacher = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)], name="teacher")
    student = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)], name="student")
    distiller = _failing(
        lambda: answer.make_distiller(teacher, student),
        "compile-loss",
        "'loss' cannot be",
        "distiller-fails",
    )
    require(isinstance(distiller, keras.distillation.Distiller), "not-distiller")
    require(distiller.teacher is teacher and distiller.student is student, "swapped-roles")
    require(any(isinstance(d, cls) for d in distiller.distillation_losses), "uses-logit-match")
    require(distiller.student_loss_weight == 0.0, "student-loss-weight")
    require(distiller.compiled, "not-compiled")

    x = np.linspace(-1.0, 1.0, 32, dtype="float32").reshape(8, 4)
    labels = np.array([0, 1, 2, 0, 1, 2, 0, 1])
    before = ops.convert_to_numpy(student.layers[0].kernel).copy()
    with calling("fit-fails"):
        distiller.fit(x, labels, batch_size=4, epochs=1, verbose=0)
    after = ops.convert_to_numpy(student.layers[0].kernel)
    require(not np.allclose(before, after), "student-unchanged")
