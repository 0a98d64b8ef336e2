"""The quiz warns one way: every problem is a ``QuizWarning`` member, logged by
``extensions.warnings_.warn``, spelled like every other extension's subtypes (issue #25)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extensions.quiz.problems import Problem, QuizWarning, report
from extensions.warnings_ import SPELLING

QUIZ = Path(__file__).resolve().parent.parent / "extensions" / "quiz"
SOURCES = sorted(QUIZ.glob("*.py"))


def test_every_subtype_is_spelled_with_hyphens():
    assert [w.value for w in QuizWarning if not SPELLING.fullmatch(w.value)] == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_direct_logging_and_no_assert(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert)
        or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "warning"
        )
    ]
    assert found == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_problem_names_a_member_not_a_string(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("Problem", "problem")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]
    assert strings == []


def test_report_logs_each_problem_as_quiz_dot_subtype_at_its_place(monkeypatch):
    calls = []

    class Logger:
        def warning(self, message, **kwargs):
            calls.append((message, kwargs))

    monkeypatch.setattr("extensions.quiz.problems.logger", Logger())
    report([Problem(QuizWarning.NO_CORRECT, "no option is marked correct", "page.md", 7)])
    assert calls == [
        (
            "no option is marked correct",
            {"type": "quiz", "subtype": "no-correct", "location": "page.md:7"},
        )
    ]
