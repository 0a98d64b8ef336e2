"""The authoring reference page, and the course's real quizzes built with the extension."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from extensions.quiz.problems import SUBTYPES

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "authoring" / "quizzes.md"
EXAMPLES = DOCS / "authoring" / "quiz-examples"


def test_authoring_page_lists_every_warning_the_extension_can_give(whole_course):
    # The table is generated from the registered QuizWarning by the {kq-warnings} directive.
    assert "```{kq-warnings} quiz" in PAGE.read_text()
    html = (whole_course.outdir / "authoring" / "quizzes.html").read_text(encoding="utf-8")
    table = html[html.index('class="kq-warnings') :]
    missing = [s for s in SUBTYPES if f'<span class="pre">quiz.{s}</span>' not in table]
    assert missing == []


def test_authoring_page_shows_every_example_as_source_and_live():
    text = PAGE.read_text()
    examples = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    assert len(examples) >= 5
    for name in examples:
        assert f"```{{literalinclude}} quiz-examples/{name}" in text, name
        assert f"```{{include}} quiz-examples/{name}" in text, name


def test_authoring_examples_use_every_kind_and_every_option():
    source = "\n".join(p.read_text() for p in EXAMPLES.glob("*.txt"))
    for kind in ("single", "multiple", "typed", "order"):
        assert f":kind: {kind}" in source, kind
    for option in ("id", "xp", "shuffle", "accept", "number", "tolerance"):
        assert re.search(rf"^:{option}:", source, re.M), option
    assert "{hint}" in source and "{feedback}" in source


def _question_ids(html: str) -> list[str]:
    return re.findall(r'<fieldset class="kq-question" data-kq-id="([^"]+)"', html)


@pytest.mark.slow
def test_the_course_builds_its_quizzes_without_quiz_warnings(whole_course):
    assert "[quiz." not in whole_course.warnings
    track = (whole_course.outdir / "tracks" / "01-why-keras.html").read_text()
    kinds = set(re.findall(r'data-kq-kind="(\w+)"', track))
    assert kinds == {"single", "multiple", "typed", "order"}
    assert len(_question_ids(track)) >= 10
    assert 'class="kq-error' not in track
    authoring = (whole_course.outdir / "authoring" / "quizzes.html").read_text()
    assert len(_question_ids(authoring)) == len(list(EXAMPLES.glob("*.txt")))


@pytest.mark.slow
@pytest.mark.browser
def test_track_1_quiz_passes_axe_and_answers(whole_course, page, console_errors):
    page.goto(whole_course.url + "tracks/01-why-keras.html")
    page.wait_for_function("window.KQuiz !== undefined")
    first = page.locator('.kq-question[data-kq-id="t1-first-release"]')
    first.get_by_label("2015").check()
    first.get_by_role("button", name="Check").click()
    assert first.locator(".kq-feedback").inner_text().startswith("✓ Correct!")
    # Checked before axe runs: axe re-reads the stylesheets itself and resolves the theme's
    # "@import ../basic.css" against the page, which logs a 404 that is not the site's.
    assert console_errors == []
    results = Axe().run(page)
    inside = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            selector = node["target"][0]
            if page.evaluate(
                "s => !!document.querySelector(s)?.closest('.kq-quiz, .kq-key')", selector
            ):
                inside.append(f"{violation['id']}: {selector}")
    assert inside == []
