"""Every mistake an author can make in a quiz: one enumeration, one way to report it.

Each problem becomes a Sphinx warning of type ``quiz`` and the subtype below, so
``suppress_warnings = ["quiz.<subtype>"]`` works and ``-W`` fails the build. The broken part is
then rendered as a visible error box (``error_box``), never dropped and never silently repaired.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: subtype -> what it means (also listed on the authoring reference page).
SUBTYPES: dict[str, str] = {
    "no_correct": "a choice question with no option marked [x]",
    "several_correct": "a single-choice question with more than one option marked [x]",
    "few_options": "a choice question with fewer than two options",
    "duplicate_option": "two options (or ordering items) of one question with the same text",
    "empty_option": "an option or ordering item with no text",
    "option_marker": "a list item in the options that is not `- [x]` or `- [ ]`",
    "no_explanation": "a question without an {explanation}",
    "empty_question": "a question without question text",
    "no_accept": "a typed question with neither :accept: nor :number:",
    "bad_number": "a :number: or :tolerance: that is not a number (or a negative tolerance)",
    "few_items": "an ordering question with fewer than two items",
    "unknown_kind": "a :kind: other than single, multiple, typed or order",
    "unknown_option": "a directive option the quiz directives do not know",
    "unused_option": "an option that has no effect on this kind of question",
    "bad_id": "an :id: with characters other than letters, digits, '-', '_' and '.'",
    "bad_xp": "an :xp: that is not a whole number >= 0",
    "duplicate_id": "a question id used twice anywhere in the site",
    "feedback_orphan": "a {feedback} that does not sit inside an option",
    "structure": "a quiz part in the wrong place (question outside a quiz, two explanations, ...)",
    "fence": "a {question} after a {quiz} that its own closing fence ended early (colon count)",
    "empty_quiz": "a quiz without questions",
}


@dataclass(frozen=True)
class Problem:
    subtype: str
    message: str
    source: str
    line: int | None

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


def report(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.subtype in SUBTYPES, problem.subtype
        logger.warning(
            problem.message, type="quiz", subtype=problem.subtype, location=problem.location
        )


def error_box(problems: list[Problem], srcdir: str, *context: nodes.Node) -> nodes.error:
    """A visible error admonition listing the problems, followed by what the author wrote.

    Works in every builder because it is a standard docutils node.
    """
    box = nodes.error(classes=["kq-error"])
    box += nodes.paragraph(text="This quiz part could not be built:")
    # The messages quote ids and options verbatim: no typographic quotes in them.
    items = nodes.bullet_list(support_smartquotes=False)
    for problem in problems:
        where = relative_path(problem.source, srcdir)
        if problem.line:
            where += f", line {problem.line}"
        items += nodes.list_item("", nodes.paragraph(text=f"{problem.message} ({where})"))
    box += items
    for node in context:
        box += node
    return box


def relative_path(source: str, srcdir: str) -> str:
    try:
        return str(Path(source).relative_to(srcdir))
    except ValueError:
        return source
