"""Every authoring mistake in a quiz: a typed warning naming file and line, and a visible error box.

tests/roots/test-quiz-invalid has one page per case; it is built once for the whole module.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

ROOTS = Path(__file__).parent / "roots"
INVALID = ROOTS / "test-quiz-invalid"
WARNING = re.compile(
    r"^(?P<path>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) \[(?P<type>[\w.-]+)\]$"
)

# page -> (warning subtype, part of the message, text on the line the warning must point to)
CASES = {
    "no_correct": ("no-correct", "no option is marked correct", ":::::{question}"),
    "several_correct": ("several-correct", "has 2 correct options (lines 9, 11)", "- [x] c"),
    "few_options": ("few-options", "needs at least two options, it has only 1", ":::::{question}"),
    "duplicate_option": ("duplicate-option", "duplicate option 'alpha'", "- [ ] alpha"),
    "empty_option": ("empty-option", "an option with no text", "- [ ]"),
    "option_marker": ("option-marker", "option '[?] b' has no [x] or [ ] marker", "- [?] b"),
    "no_explanation": ("no-explanation", "has no {explanation}", ":::::{question}"),
    "empty_question": ("empty-question", "the question has no text", ":::::{question}"),
    "no_accept": ("no-accept", "a typed question needs an accepted answer", ":::::{question}"),
    "bad_tolerance": ("bad-number", "':tolerance: a bit' is not a number", ":tolerance:"),
    "bad_number": ("bad-number", "':number: half' is not a number", ":number:"),
    "few_items": ("few-items", "at least two items", ":::::{question}"),
    "unknown_kind": ("unknown-kind", "unknown question kind 'truefalse'", ":kind:"),
    "unknown_option": ("unknown-option", "unknown option ':shufle:'", ":shufle:"),
    "unused_option": ("unused-option", ":accept: only applies to typed questions", ":accept:"),
    "bad_id": ("bad-id", "question id 'bad id!' may only contain", ":id:"),
    "bad_xp": ("bad-xp", "':xp: lots' is not a whole number", ":xp:"),
    "feedback_orphan": ("feedback-orphan", "{feedback} attached to nothing", ":::{feedback}"),
    "feedback_in_question": ("feedback-orphan", "{feedback} attached to nothing", "{feedback}"),
    "feedback_in_order": ("feedback-orphan", "ordering items have no feedback", "{feedback}"),
    "question_outside": ("structure", "a {question} outside a {quiz}", ":::::{question}"),
    "two_explanations": ("structure", "only one {explanation}", ("::::{explanation}", 2)),
    "nested_quiz": ("structure", "a {quiz} cannot contain another {quiz}", (":::::{quiz}", 2)),
    "explanation_outside": (
        "structure",
        "an {explanation} outside a {question}",
        ":::{explanation}",
    ),
    "content_after_options": ("structure", "content after the options list", "A stray paragraph."),
    "typed_with_options": ("structure", "a typed question has a task list", "- [x] a"),
    "nested_parts": (
        "structure",
        "an {explanation} nested inside another part",
        "```{explanation}",
    ),
    "empty_quiz": ("empty-quiz", "a {quiz} without any {question}", "::::{quiz}"),
    # Hostile and careless option values: a typed warning, never a traceback.
    "xp_superscript": ("bad-xp", "':xp: ²' is not a whole number", ":xp:"),
    "xp_huge": ("bad-xp", "is not a whole number from 0 to 1000", ":xp:"),
    "number_other_script": ("bad-number", "':number: ٣' is not a number", ":number:"),
    "number_nan": ("bad-number", "':number: nan' is not a number", ":number:"),
    # Nothing silently changed or dropped.
    "empty_id": ("empty-value", "':id:' has no value", ":id:"),
    "empty_kind": ("empty-value", "':kind:' has no value", ":kind:"),
    "invisible_id": ("empty-value", "':id:' has only invisible characters", ":id:"),
    "flag_value": ("flag-value", "':shuffle:' is a switch and takes no value", ":shuffle:"),
    "repeated_option": ("repeated-option", "':xp:' is given twice", (":xp:", 2)),
    "explanation_option": (
        "unknown-option",
        "unknown option ':class:' in {explanation}",
        ":class:",
    ),
    "feedback_option": ("unknown-option", "unknown option ':class:' in {feedback}", ":class:"),
    "hint_option": ("unknown-option", "unknown option ':class:' in {hint}", ":class:"),
    "comment_question": ("empty-question", "the question has no text", ":::::{question}"),
    "comment_explanation": ("no-explanation", "a comment is not an explanation", "{explanation}"),
    "invisible_option": ("empty-option", "(only invisible characters)", "- [ ] \u200b"),
    "nfc_duplicate": ("duplicate-option", "the same as line 8 to a reader", "- [ ] cafe"),
    "split_bullets": ("split-options", "the options are split into 2 lists", "* [ ] c"),
    "split_numbers": ("split-options", "the ordering are split into 2 lists", "3) third"),
    "dropped_options": ("dropped-options", "the option ':id:' was dropped", ":id: c-dropped"),
    "unclosed_quiz": ("fence", "runs on into the heading 'Next section'", "## Next section"),
    # Quiz content is inert.
    "raw_inline": ("raw-html", "raw HTML in a question", "<b onclick"),
    "raw_block": ("raw-html", "raw HTML in a question", "<div><script>"),
    "raw_directive": ("raw-html", "raw HTML in a question", "```{raw} html"),
    # Issue #30: every part stands where it belongs; values are read as MyST reads them.
    "hint_under_option": ("structure", "a {hint} inside an option", "::::{hint}"),
    "explanation_under_option": (
        "structure",
        "an {explanation} inside an option",
        "::::{explanation}",
    ),
    "accept_separators": ("no-accept", "a typed question needs an accepted answer", ":accept:"),
    "reserved_class": ("reserved-class", "':class: kq-question' uses the 'kq-' prefix", ":class:"),
    "fence_too_short": (
        "fence",
        "after the {quiz} at line 3: that quiz was probably closed early",
        (":::{question}", 2),
    ),
    "duplicate_id_b": (
        "duplicate-id",
        "'c-shared' is already used by the question at",
        ":id: c-shared",
    ),
}

# Misconception tags (checked like the cases above) that leave the question working: the tag is
# dropped (unknown label) or was never in a question, so there is no error box to look for.
TAG_WARNINGS = {
    "misconception_unknown": (
        "misconception-unknown",
        "`no-such-section` names an unknown section label (no page defines it)",
        "no-such-section",
    ),
    "misconception_anonymous": (
        "misconception-unknown",
        "it labels no section: put the target right above a heading",
        "{misconception}`para-label`",
    ),
    "misconception_table": (
        "misconception-unknown",
        "`mis-table-label` labels a table, a figure or a code block, not a section",
        "{misconception}`mis-table-label`",
    ),
    "misconception_outside": (
        "misconception-place",
        "`mis-out-target` outside a question",
        "{misconception}",
    ),
}
# Tags that make the question unusable as written: a warning and an error box.
CASES |= {
    "misconception_correct": (
        "misconception-correct",
        "on a correct option",
        "{misconception}",
    ),
    "misconception_typed": (
        "misconception-place",
        "on a typed question: only the wrong options",
        "{misconception}",
    ),
    "misconception_order": (
        "misconception-place",
        "on an ordering question: only the wrong options",
        "{misconception}",
    ),
    "misconception_malformed": (
        "misconception-malformed",
        "'Keras Ops vs NumPy' is not a label",
        "{misconception}",
    ),
    "misconception_empty": (
        "misconception-malformed",
        "an empty {misconception} role",
        "{misconception}``",
    ),
    "misconception_twice": (
        "misconception-malformed",
        "a second {misconception} on one option ('mis-twice-b' after 'mis-twice-a')",
        "Also {misconception}",
    ),
}
WARNED = CASES | TAG_WARNINGS


def line_of(page: str, anchor: str | tuple[str, int]) -> int:
    """1-based line of the first (or n-th) line of ``page`` containing the anchor text."""
    text, nth = anchor if isinstance(anchor, tuple) else (anchor, 1)
    lines = (INVALID / f"{page}.md").read_text().splitlines()
    hits = [number for number, line in enumerate(lines, 1) if text in line]
    assert len(hits) >= nth, f"{text!r} not in {page}.md"
    return hits[nth - 1]


@pytest.fixture(scope="module")
def built(build_root):
    done = build_root("quiz-invalid", "html")
    assert done.returncode == 0, done.warnings
    srcdir = done.srcdir
    assert done.outdir == srcdir / "_build" / "html"  # where the tests below read the pages
    found = {}
    for line in done.warnings.splitlines():
        match = WARNING.match(line.strip())
        if match and match["type"].startswith("quiz."):
            page = Path(match["path"]).stem
            found.setdefault(page, []).append(match)
    return srcdir, found


@pytest.mark.parametrize("page", sorted(WARNED))
def test_each_mistake_is_a_typed_warning_at_its_file_and_line(built, page):
    srcdir, found = built
    subtype, message, anchor = WARNED[page]
    assert page in found, f"no quiz warning for {page}.md"
    assert len(found[page]) == 1, [m.group(0) for m in found[page]]
    warning = found[page][0]
    assert warning["type"] == f"quiz.{subtype}"
    assert Path(warning["path"]) == srcdir / f"{page}.md"
    assert int(warning["line"]) == line_of(page, anchor)
    assert message in warning["message"]


@pytest.mark.parametrize("page", sorted(CASES))
def test_each_broken_part_renders_as_a_visible_error_box(built, page):
    srcdir, _found = built
    html = (srcdir / "_build" / "html" / f"{page}.html").read_text()
    _subtype, message, anchor = CASES[page]
    assert 'class="kq-error admonition error"' in html
    box = unescape(html[html.index("kq-error") :])
    assert message in box
    assert f"({page}.md, line {line_of(page, anchor)})" in box


def test_broken_questions_are_not_offered_as_questions(built):
    srcdir, _found = built
    html = (srcdir / "_build" / "html" / "no_correct.html").read_text()
    assert "kq-question" not in html
    # ...but what the author wrote is still shown inside the box.
    assert "Which one?" in html


def test_a_nested_quiz_keeps_its_questions(built):
    srcdir, _found = built
    html = (srcdir / "_build" / "html" / "nested_quiz.html").read_text()
    assert "kq-error" in html
    assert 'data-kq-id="c-nested"' in html


def test_duplicate_id_keeps_the_first_and_boxes_the_second(built):
    srcdir, found = built
    assert "duplicate_id_a" not in found
    first = (srcdir / "_build" / "html" / "duplicate_id_a.html").read_text()
    second = (srcdir / "_build" / "html" / "duplicate_id_b.html").read_text()
    assert 'data-kq-id="c-shared"' in first
    assert 'data-kq-id="c-shared"' not in second
    assert f"duplicate_id_a.md:{line_of('duplicate_id_a', ':id:')}" in second


def test_nothing_but_the_listed_pages_warns(built):
    _srcdir, found = built
    assert set(found) == set(WARNED)


def test_a_valid_tag_next_to_an_unknown_one_still_reaches_the_page(built):
    srcdir, _found = built
    html = (srcdir / "_build" / "html" / "misconception_unknown.html").read_text()
    assert 'data-kq-misconception="real-section"' in html
    assert "no-such-section" not in html  # an unknown tag is left out, never a broken link
    assert '<a class="reference internal" href="#real-section">A real section</a>' in html
    # The role leaves nothing of itself in the page, and an option of only a tag gets no feedback
    # paragraph of its own.
    assert "{misconception}" not in html


def test_with_W_the_build_fails(build_root):
    done = build_root("quiz-invalid", "html", "-W", "-q")
    assert done.returncode != 0
    assert "[quiz." in done.warnings


def test_valid_quizzes_build_cleanly_with_W(build_root):
    done = build_root("quiz-basic", "html", "-W")
    assert done.returncode == 0, done.warnings
    assert "quiz" not in done.warnings


def test_suppress_warnings_silences_one_subtype(build_root):
    index = (INVALID / "no_correct.md").read_text()
    done = build_root(
        None,
        "html",
        "-q",
        pages={
            "conf.py": (INVALID / "conf.py").read_text(),
            "index.md": index + "\n```{toctree}\n:hidden:\n\nother\n```\n",
            "other.md": (INVALID / "bad_xp.md").read_text(),
        },
        overrides={"suppress_warnings": "quiz.no-correct"},
    )
    assert "[quiz.no-correct]" not in done.warnings
    assert "[quiz.bad-xp]" in done.warnings
    # Suppressed or not, the broken question is still shown as an error box.
    assert "kq-error" in done.page("index.html")
