"""``{quiz-warnings}``: the table of every warning the quiz can give, made from ``QuizWarning``."""

from __future__ import annotations

from ..warning_table import warnings_directive
from .problems import QuizWarning

QuizWarnings = warnings_directive("quiz", QuizWarning)
