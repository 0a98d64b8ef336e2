"""Generated input through a real build: whatever an author writes in a quiz, the build never
crashes, and every question either renders or is reported with a warning on its own lines.

Hypothesis draws pages of questions with random option names and values (digits of other
scripts, empty and invisible values, huge numbers, nan, inf, stray whitespace, random Unicode)
and random text for questions and options. Each example is one page of ``PER_PAGE`` questions
built by Sphinx, so ``EXAMPLES`` examples feed ``EXAMPLES * PER_PAGE`` questions through it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import sphinx_build

ROOT = Path(__file__).resolve().parent / "roots" / "test-quiz-basic"
PER_PAGE = 40
EXAMPLES = 8
WARNING = re.compile(r"index\.md:(\d+): (?:WARNING|ERROR)")

OPTION_NAMES = ["id", "kind", "xp", "shuffle", "accept", "number", "tolerance", "class", "Id", ""]
NASTY_VALUES = [
    "",
    " ",
    "\u200b",
    "\u00a0",
    "\ufeff",
    "²",
    "٣",
    "１２",
    "1_000",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e400",
    "-1e-400",
    "9" * 40,
    "-0",
    "0x10",
    "1.",
    ".5",
    "+3",
    " 7 ",
    "single",
    "multiple",
    "typed",
    "order",
    "TYPED",
    "a | b",
    "|",
    "||",
    "no",
    "yes",
    "t1-ok",
    "t1 bad",
    "é",
    "e\u0301",
]
# No line breaks of any kind inside one option line or one label: those end the line in Markdown.
LINE_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    ),
    max_size=30,
)
VALUES = st.one_of(st.sampled_from(NASTY_VALUES), st.sampled_from(NASTY_VALUES), LINE_TEXT)


@st.composite
def questions(draw) -> dict:
    options = draw(st.lists(st.tuples(st.sampled_from(OPTION_NAMES), VALUES), max_size=4))
    labels = draw(st.lists(LINE_TEXT, min_size=0, max_size=4))
    marks = draw(st.lists(st.booleans(), min_size=len(labels), max_size=len(labels)))
    return {
        "options": options,
        "text": draw(LINE_TEXT),
        "choices": list(zip(marks, labels, strict=True)),
        "explanation": draw(st.one_of(st.just("Because."), LINE_TEXT)),
    }


def render(items: list[dict]) -> tuple[str, list[tuple[int, int]]]:
    """The page, and the (first, last) line of each question's quiz."""
    lines = ["# Fuzz", ""]
    spans = []
    for number, item in enumerate(items):
        first = len(lines) + 1
        lines += ["::::::{quiz}", ":::::{question}"]
        lines += [
            f":{name}: {value}".rstrip() if name else f": {value}"
            for name, value in item["options"]
        ]
        lines += ["", f"Q{number} {item['text']}", ""]
        lines += [f"- [{'x' if mark else ' '}] {label}" for mark, label in item["choices"]]
        lines += ["", "::::{explanation}", item["explanation"], "::::", ":::::", "::::::", ""]
        spans.append((first, len(lines)))
    return "\n".join(lines) + "\n", spans


def _build_and_check(src_parent: Path, items: list[dict]) -> None:
    src = src_parent / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns("*.md", "_build"))
    page, spans = render(items)
    (src / "index.md").write_text(page, encoding="utf-8")
    returncode, _out, stderr = sphinx_build(src, src / "_build", "html")
    assert returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr and "Exception occurred" not in stderr, stderr[-3000:]
    warned = {int(line) for line in WARNING.findall(stderr)}
    reported = sum(1 for first, last in spans if any(first <= w <= last for w in warned))
    html = (src / "_build" / "index.html").read_text(encoding="utf-8")
    rendered = html.count('class="kq-question')
    assert rendered + reported >= len(items), (rendered, reported, stderr[-3000:])


@pytest.mark.slow
def test_every_nasty_value_on_every_option(tmp_path):
    """The systematic half: each listed value once on each option, with a well-formed question."""
    items = [
        {
            "options": [("id", f"n{index}"), (name, value)] if name != "id" else [(name, value)],
            "text": "Which?",
            "choices": [(True, "right"), (False, "wrong")],
            "explanation": "Because.",
        }
        for index, (name, value) in enumerate(
            (name, value) for name in OPTION_NAMES for value in NASTY_VALUES
        )
    ]
    _build_and_check(tmp_path, items)


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(questions(), min_size=PER_PAGE, max_size=PER_PAGE))
def test_no_input_crashes_the_build_or_loses_a_question(tmp_path_factory, items):
    _build_and_check(tmp_path_factory.mktemp("fuzz"), items)
