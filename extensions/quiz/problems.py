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

from ..warnings_ import Subtypes, warn

logger = logging.getLogger(__name__)


class QuizWarning(Subtypes, kind="quiz"):
    """Every quiz warning subtype and what it means (the authoring page's table is made from it)."""

    NO_CORRECT = ("no-correct", "A choice question with no option marked `[x]`.")
    SEVERAL_CORRECT = (
        "several-correct",
        "A single-choice question with more than one `[x]` (use `:kind: multiple`).",
    )
    FEW_OPTIONS = ("few-options", "A choice question with fewer than two options.")
    DUPLICATE_OPTION = (
        "duplicate-option",
        "Two options (or ordering items) that read the same: same text, ignoring case, "
        "invisible characters and Unicode normalisation.",
    )
    EMPTY_OPTION = (
        "empty-option",
        "An option or ordering item with no text, or only invisible characters (zero-width or"
        " no-break spaces).",
    )
    OPTION_MARKER = (
        "option-marker",
        "An item in the options that does not start with `[x]` or `[ ]`.",
    )
    NO_EXPLANATION = (
        "no-explanation",
        "A question without an `{explanation}`, or one that is empty or only a comment.",
    )
    EMPTY_QUESTION = (
        "empty-question",
        "No question text before the options (a comment is not text).",
    )
    NO_ACCEPT = ("no-accept", "A typed question with neither `:accept:` nor `:number:`.")
    BAD_NUMBER = (
        "bad-number",
        "A `:number:` or `:tolerance:` that is not a plain number (`nan`, `inf`, digits of "
        "other scripts such as `²`), a negative tolerance, or a tolerance without a number.",
    )
    FEW_ITEMS = ("few-items", "An ordering question with fewer than two items.")
    UNKNOWN_KIND = (
        "unknown-kind",
        "A `:kind:` other than `single`, `multiple`, `typed` or `order`.",
    )
    UNKNOWN_OPTION = (
        "unknown-option",
        "An option the directive does not know (a typo such as `:shufle:`), or any option on "
        "a `{hint}`, `{explanation}` or `{feedback}` inside a question (they take none).",
    )
    EMPTY_VALUE = (
        "empty-value",
        "An option written with no value, or only invisible characters, such as `:id:` or "
        "`:kind:` with nothing after the colon.",
    )
    FLAG_VALUE = (
        "flag-value",
        "A switch given a value, such as `:shuffle: no` (write `:shuffle:` alone, or delete "
        "the line).",
    )
    REPEATED_OPTION = ("repeated-option", "The same option written twice on one question.")
    DROPPED_OPTIONS = ("dropped-options", "An option block MyST could not read and dropped.")
    UNUSED_OPTION = (
        "unused-option",
        "An option that does nothing for this kind, such as `:accept:` on a choice question.",
    )
    BAD_ID = ("bad-id", "An `:id:` with characters other than letters, digits, `-`, `_` and `.`.")
    BAD_XP = ("bad-xp", "An `:xp:` that is not a whole number from 0 to 1000 in plain digits.")
    DUPLICATE_ID = ("duplicate-id", "An id used by another question anywhere in the site.")
    FEEDBACK_ORPHAN = ("feedback-orphan", "A `{feedback}` that is not inside an option.")
    STRUCTURE = (
        "structure",
        "A part in the wrong place: a question outside a quiz, a quiz in a quiz, an "
        "explanation outside a question, two hints or explanations, a hint or an explanation "
        "indented under an option (where it would read as feedback), text after the options.",
    )
    SPLIT_OPTIONS = (
        "split-options",
        "Options split over several lists because the bullet character or the numbering style"
        " changed part-way (`-` then `*`, `1.` then `1)`).",
    )
    RAW_HTML = (
        "raw-html",
        "Raw markup (inline tags, HTML blocks, `{raw}`, `.. raw::` in `{eval-rst}`, HTML from "
        "an `{include}`) anywhere in a quiz: quizzes are rendered for the web, for print and "
        "without JavaScript, and raw markup breaks all three. It is left out of the output "
        "whatever the front matter says (`raw_html_reviewed` included), with or without `-W`; "
        "a refused question is shown as its source text. Not `course.raw-html`, which is raw "
        "HTML elsewhere on a track page: that one is published once a maintainer reviews it.",
    )
    RESERVED_CLASS = (
        "reserved-class",
        "A `{quiz}` `:class:` with the `kq-` prefix, which names what the quiz script and the "
        "course's styles act on; the class is left out.",
    )
    UNSAFE_URL = (
        "unsafe-url",
        "A link in a quiz whose address is not a web (`http`, `https`) or mail address or a "
        "page of the site (`javascript:`, `vbscript:`, `data:`, ...), or an image from another "
        "site or a `data:` URI: the link is shown as plain text and the image left out, so a "
        "quiz neither runs a script nor makes a request that leaves the site.",
    )
    EMPTY_QUIZ = ("empty-quiz", "A `{quiz}` without questions.")
    MISCONCEPTION_UNKNOWN = (
        "misconception-unknown",
        "A `{misconception}` tag naming no section label of the site: no `(label)=` target "
        "anywhere, one that is not placed above a section heading, or the `:name:` of a table, "
        "a figure or a code block.",
    )
    MISCONCEPTION_CORRECT = (
        "misconception-correct",
        "A `{misconception}` tag on a correct (`[x]`) option: only a wrong choice reveals a "
        "misconception.",
    )
    MISCONCEPTION_PLACE = (
        "misconception-place",
        "A `{misconception}` tag anywhere but on an option of a single or multiple choice "
        "question: on a typed or ordering question, in the question text, hint or explanation, "
        "or outside a quiz.",
    )
    MISCONCEPTION_MALFORMED = (
        "misconception-malformed",
        "A `{misconception}` tag that is not a label as Sphinx stores it (upper case, spaces, "
        "`<...>` or `#`), an empty one (nothing between its backticks), or a second tag on the "
        "same option.",
    )
    FENCE = (
        "fence",
        "A colon-fence mistake: a `{question}` after a `{quiz}` that a question's closing "
        "fence ended early (`:::{quiz}` around `:::{question}`; use `::::{quiz}`), or a "
        "`{quiz}` with no closing fence that runs on into the next heading.",
    )


#: subtype -> what it means, for code that only needs the names.
SUBTYPES: dict[str, str] = {warning.value: warning.meaning for warning in QuizWarning}


@dataclass(frozen=True)
class Problem:
    """One mistake, where it is: reported with ``report`` and listed in an ``error_box``."""

    subtype: QuizWarning
    message: str
    source: str
    line: int | None

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


def report(problems: list[Problem]) -> None:
    """Each problem as a ``quiz.<subtype>`` warning at its own file and line."""
    for problem in problems:
        warn(problem.subtype, problem.message, problem.location, logger=logger)


def error_box(problems: list[Problem], srcdir: str, *context: nodes.Node) -> nodes.error:
    """A visible error admonition listing the problems, followed by what the author wrote.

    Works in every builder because it is a standard docutils node. ``context`` is never the
    refused content itself: callers pass ``literal_source`` blocks of the author's text.
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


def literal_source(text: str) -> nodes.literal_block:
    """``text`` (what an author wrote) as a literal block: shown as is, never read as markup."""
    block = nodes.literal_block(text, text, classes=["kq-source"])
    block["language"] = "none"
    return block


def relative_path(source: str, srcdir: str) -> str:
    try:
        return str(Path(source).relative_to(srcdir))
    except ValueError:
        return source
