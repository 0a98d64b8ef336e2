"""``{course-start}``: the landing page's first screen, in every kind of output.

The web builders get the pitch, a hidden level line and one primary button to the first track
with questions (template ``course-start.html``); the other builders get the pitch and a plain
"Start with Track 1" link. The browser side is in test_progress_start_browser.py.
"""

from __future__ import annotations

import pytest
from progress_helpers import ROOT, build, copy_root, progress_warnings

START = "```{course-start}\nA small course about **alpha** things, one track at a time.\n```\n\n"


def landing_with_start() -> str:
    text = (ROOT / "index.md").read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    return f"{title}\n\n{START}{rest}"


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    return copy_root(
        tmp_path_factory.mktemp("start") / "src", files={"index.md": landing_with_start()}
    )


def test_the_web_page_has_the_pitch_a_hidden_level_line_and_one_start_button(src):
    outdir, warnings = build(src, "html")
    assert progress_warnings(warnings) == []
    page = (outdir / "index.html").read_text(encoding="utf-8")
    start = page[page.index('<div class="kq-start"') :]
    start = start[: start.index("</div>", start.index("kq-start__go"))]
    assert "<strong>alpha</strong> things" in start
    assert '<p class="kq-start__level" data-kq-start-level hidden></p>' in start
    assert 'data-kq-review="review.html"' in start
    # One button, to the first track; the no-script "Start with" link is not repeated.
    assert start.count("<a ") == 1
    assert (
        '<a class="kq-start__btn" href="tracks/01-alpha.html" data-kq-start-go>'
        "Start Track 1: Alpha</a>"
    ) in start
    assert "Start with" not in start


def test_other_builders_get_the_pitch_and_a_plain_link(src):
    outdir, warnings = build(src, "text")
    assert progress_warnings(warnings) == []
    text = (outdir / "index.txt").read_text(encoding="utf-8")
    assert "A small course about **alpha** things, one track at a time." in text
    assert "Start with Track 1: Alpha" in text
    assert "data-kq" not in text


@pytest.mark.parametrize(("builder", "pattern"), [("epub", "index.xhtml"), ("latex", "*.tex")])
def test_epub_and_latex_get_the_pitch_and_the_link_without_the_script_hooks(src, builder, pattern):
    outdir, warnings = build(src, builder)
    assert progress_warnings(warnings) == [] and "Traceback" not in warnings
    (landing,) = outdir.glob(pattern)
    text = landing.read_text(encoding="utf-8")
    assert "things, one track at a time." in text
    assert "Start with Track 1: Alpha" in text
    assert "data-kq-start" not in text and "kq-start__btn" not in text
