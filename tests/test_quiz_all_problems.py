"""Every problem of every question comes in one build, each at its own line (issue #28).

An author fixing a page should not need one edit-and-build round per problem: a question refused
for one mistake is still checked for the others (its id against every other question's, its
content when it stands outside a quiz), and each warning names the line to edit, with the fix.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import sphinx_build

ROOT = Path(__file__).parent / "roots" / "test-quiz-multi"
WARNING = re.compile(
    r"index\.md:(?P<line>\d+): WARNING: (?P<message>.*) \[quiz\.(?P<sub>[\w-]+)\]$"
)


def line_of(text: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` line of the page that reads ``text`` (stripped)."""
    lines = (ROOT / "index.md").read_text(encoding="utf-8").split("\n")
    hits = [number for number, line in enumerate(lines, 1) if line.strip() == text]
    return hits[nth - 1]


QUESTION = ":::::{question}"
# (subtype, line to edit, part of the message) for every problem on the page.
EXPECTED = [
    ("duplicate-option", line_of("- [ ] alpha"), "duplicate option 'alpha'"),
    ("duplicate-id", line_of(":id: m-shared", 2), f"at index.md:{line_of(':id: m-shared')}"),
    ("bad-id", line_of(":id: Ünit tests!"), "write ':id: Unit-tests'"),
    ("bad-xp", line_of(":xp: lots"), "':xp: lots' is not a whole number"),
    ("option-marker", line_of("- wrong"), "option 'wrong' has no [x] or [ ] marker"),
    ("no-explanation", line_of(QUESTION, 4), "has no {explanation}"),
    ("few-options", line_of(QUESTION, 5), "it has only 1"),
    ("duplicate-id", line_of(":id: m-shared", 3), f"at index.md:{line_of(':id: m-shared')}"),
    ("fence", line_of(QUESTION, 6), "a {question} outside a {quiz}"),
    ("few-options", line_of(QUESTION, 6), "it has only 1"),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("multi") / "src"
    shutil.copytree(ROOT, srcdir)
    out = srcdir / "_build" / "html"
    code, _stdout, stderr = sphinx_build(srcdir, out, "html", "-q")
    found = [WARNING.search(line.strip()) for line in stderr.splitlines()]
    return code, stderr, [m for m in found if m], (out / "index.html").read_text("utf-8")


def test_one_build_reports_every_problem_of_every_question_at_its_line(build):
    code, stderr, warnings, _html = build
    assert code == 0, stderr
    got = sorted((w["sub"], int(w["line"])) for w in warnings)
    assert got == sorted((sub, line) for sub, line, _message in EXPECTED), stderr


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: f"{e[0]}@{e[1]}")
def test_each_message_says_what_to_do(build, expected):
    _code, stderr, warnings, _html = build
    subtype, line, message = expected
    messages = [w["message"] for w in warnings if w["sub"] == subtype and int(w["line"]) == line]
    assert any(message in text for text in messages), stderr


def test_the_refused_questions_show_their_problems_and_the_valid_one_still_works(build):
    _code, _stderr, _warnings, html = build
    assert html.count("kq-error") == 5  # one box per refused question
    assert html.count('class="kq-question') == 1  # the one valid question, id m-shared
    assert 'data-kq-id="m-shared"' in html
    assert f"(index.md, line {line_of('- wrong')})" in html
    assert f"(index.md, line {line_of(':xp: lots')})" in html


def test_a_suggested_id_is_always_a_valid_one():
    from extensions.quiz.validate import ID_PATTERN, suggested_id

    for written in ("Ünit tests!", "-lead", "a b  c", "über/alles?", "x__", "ops.numpy"):
        suggestion = suggested_id(written)
        assert ID_PATTERN.match(suggestion), (written, suggestion)
    assert suggested_id("Ünit tests!") == "Unit-tests"
    assert suggested_id("！？") == ""  # nothing usable: the message falls back to the derived id
