"""Checks on a question as written: everything that makes it unusable becomes a ``Problem``.

The converters here are also what ``parse.build_node`` uses, so a value that passes the check is
exactly the value that ends up in the page.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING

from docutils import nodes

from .problems import Problem

if TYPE_CHECKING:
    from .parse import Draft

KINDS = ("single", "multiple", "typed", "order")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
DEFAULT_XP = 10
TYPED_ONLY = ("accept", "number", "tolerance")


def normalise_answer(text: str) -> str:
    """Typed answers compare case- and whitespace-insensitively (quiz.js does the same)."""
    return "".join(unicodedata.normalize("NFC", text).lower().split())


def parse_accept(raw: object) -> list[str]:
    """``keras.ops | ops`` -> the distinct normalised alternatives, in the author's order."""
    answers = (normalise_answer(part) for part in str(raw or "").split("|"))
    return list(dict.fromkeys(answer for answer in answers if answer))


def parse_number(raw: object) -> float | None:
    """A finite float, or None when ``raw`` is missing or not a number."""
    if raw is None or not str(raw).strip():
        return None
    try:
        value = float(str(raw).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_xp(raw: object) -> int | None:
    if raw is None or not str(raw).strip():
        return DEFAULT_XP
    text = str(raw).strip()
    return int(text) if text.isdigit() else None


def check(draft: Draft) -> list[Problem]:
    problems: list[Problem] = []
    options = draft.options

    def problem(subtype: str, message: str, line: int | None = None) -> None:
        problems.append(Problem(subtype, message, draft.source, line or draft.line))

    def line_of(name: str) -> int:
        return draft.option_lines.get(name, draft.line)

    if draft.kind not in KINDS:
        problem(
            "unknown_kind",
            f"unknown question kind '{draft.kind}': use one of {', '.join(KINDS)}",
            line_of("kind"),
        )
    if not draft.derived_id and not ID_PATTERN.match(draft.qid):
        problem(
            "bad_id",
            f"question id '{draft.qid}' may only contain letters, digits, '-', '_' and '.' "
            "(and must start with a letter or digit)",
            line_of("id"),
        )
    if parse_xp(options.get("xp")) is None:
        problem("bad_xp", f"':xp: {options.get('xp')}' is not a whole number >= 0", line_of("xp"))
    if not any(node.astext().strip() for node in draft.text) and not any(
        isinstance(sub, (nodes.image, nodes.math_block, nodes.literal_block))
        for node in draft.text
        for sub in node.findall(include_self=True)
    ):
        problem("empty_question", "the question has no text: write it above the options")
    if draft.explanation is None:
        problem(
            "no_explanation",
            "the question has no {explanation}; every question explains its answer",
        )
    elif not draft.explanation.astext().strip():
        problem(
            "no_explanation",
            "the {explanation} is empty",
            draft.explanation.line or draft.line,
        )

    if draft.kind in ("single", "multiple"):
        _check_choices(draft, problem)
    elif draft.kind == "order":
        _check_order(draft, problem)
    elif draft.kind == "typed":
        _check_typed(draft, problem, line_of)

    if draft.kind in KINDS:
        for name in TYPED_ONLY:
            if draft.kind != "typed" and name in options:
                problem(
                    "unused_option",
                    f":{name}: only applies to typed questions (this one is {draft.kind})",
                    line_of(name),
                )
        if draft.kind in ("typed", "order") and "shuffle" in options:
            why = "always shown shuffled" if draft.kind == "order" else "have no options"
            problem(
                "unused_option",
                f":shuffle: has no effect: {draft.kind} questions are {why}",
                line_of("shuffle"),
            )
    return problems


def _check_duplicates(draft: Draft, problem, what: str) -> None:
    seen: dict[str, int] = {}
    for choice in draft.choices or []:
        if not choice.key:
            continue
        if choice.key in seen:
            problem(
                "duplicate_option",
                f"duplicate {what} '{choice.key}' (first written on line {seen[choice.key]})",
                choice.line,
            )
        else:
            seen[choice.key] = choice.line


def _check_choices(draft: Draft, problem) -> None:
    choices = draft.choices or []
    if len(choices) < 2:
        found = f"only {len(choices)}" if choices else "no"
        problem(
            "few_options",
            f"a {draft.kind}-choice question needs at least two options, it has {found}; "
            "write them as a task list (`- [x] right`, `- [ ] wrong`)",
        )
    correct = [choice for choice in choices if choice.correct]
    if choices and not correct:
        problem("no_correct", "no option is marked correct: mark the right one(s) with `- [x]`")
    if draft.kind == "single" and len(correct) > 1:
        lines = ", ".join(str(choice.line) for choice in correct)
        problem(
            "several_correct",
            f"a single-choice question has {len(correct)} correct options (lines {lines}); "
            "keep one [x] or use ':kind: multiple'",
            correct[1].line,
        )
    _check_duplicates(draft, problem, "option")


def _check_order(draft: Draft, problem) -> None:
    items = draft.choices or []
    if len(items) < 2:
        problem(
            "few_items",
            f"an ordering question needs at least two items in a numbered list (`1.`, `2.`), "
            f"it has {len(items)}",
        )
    _check_duplicates(draft, problem, "ordering item")


def _check_typed(draft: Draft, problem, line_of) -> None:
    options = draft.options
    has_number = "number" in options
    if has_number and parse_number(options.get("number")) is None:
        problem(
            "bad_number",
            f"':number: {options.get('number')}' is not a number",
            line_of("number"),
        )
    if "tolerance" in options:
        tolerance = parse_number(options.get("tolerance"))
        if tolerance is None or tolerance < 0:
            problem(
                "bad_number",
                f"':tolerance: {options.get('tolerance')}' is not a number >= 0",
                line_of("tolerance"),
            )
        elif not has_number:
            problem("bad_number", ":tolerance: needs a :number: to apply to", line_of("tolerance"))
    if not parse_accept(options.get("accept")) and not has_number:
        line = line_of("accept") if "accept" in options else draft.line
        problem(
            "no_accept",
            "a typed question needs an accepted answer: ':accept: a | b' or ':number: 0.5'",
            line,
        )
