"""The course map and the progress panels as built HTML: a plain table of contents without
JavaScript, plus hidden hooks the script fills in."""

from __future__ import annotations

import re

import pytest
from progress_helpers import build, copy_root, progress_warnings


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    outdir, warnings = build(copy_root(tmp_path_factory.mktemp("map") / "src"))
    assert progress_warnings(warnings) == []
    return lambda page: (outdir / page).read_text(encoding="utf-8")


def course_map(page_html: str) -> str:
    match = re.search(r'<div class="kq-course-map">(.*?)</ul>\s*</div>', page_html, re.S)
    assert match, "no course map"
    return match.group(1)


def card_text(cmap: str) -> list[str]:
    cards = re.findall(r'<li class="kq-cm-card">(.*?)</li>', cmap, re.S)
    return [
        " | ".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p[^>]*>(.*?)</p>", card, re.S))
        for card in cards
    ]


def test_course_map_cards_show_title_promise_and_totals(html):
    cmap = course_map(html("index.html"))
    assert card_text(cmap) == [
        "Track 1: Alpha | Alpha in one line. | 2 questions · 30 XP + 50 XP track bonus",
        "Track 2: Beta | 1 question · 15 XP + 50 XP track bonus",
        "Track 3: Gamma | no quiz yet",
    ]
    links = re.findall(r'<a class="reference internal" href="([^"]+)"', cmap)
    assert links == ["tracks/01-alpha.html", "tracks/02-beta/index.html", "tracks/03-gamma.html"]


def test_course_map_links_are_relative_to_the_page(tmp_path):
    # The same directive on a page one folder down.
    src = copy_root(
        tmp_path / "src",
        files={"tracks/03-gamma.md": "# Track 3: Gamma\n\n```{course-map}\n```\n"},
    )
    outdir, _ = build(src)
    cmap = course_map((outdir / "tracks" / "03-gamma.html").read_text(encoding="utf-8"))
    links = re.findall(r'<a class="reference internal" href="([^"]+)"', cmap)
    assert links == ["01-alpha.html", "02-beta/index.html", "#"]


def test_learner_hooks_are_hidden_until_the_script_fills_them(html):
    cmap = course_map(html("index.html"))
    assert re.findall(r'<div class="kq-cm-status" data-kq-track="(\w+)" hidden>', cmap) == [
        "alpha",
        "beta",
        "gamma",
    ]
    assert '<p class="kq-cm-continue" data-kq-continue hidden></p>' in cmap


def test_badge_is_in_the_header_hidden_until_the_script_runs(html):
    page = html("tracks/01-alpha.html")
    badge = re.search(r'<a class="kq-badge" data-kq-badge hidden href="([^"]+)">', page)
    assert badge and badge.group(1) == "../progress.html"
    assert 'data-kq-live aria-live="polite"' in page
    assert "header-article-items__end" in page[: page.index("kq-badge")]


def test_progress_panels_keep_a_no_script_text_and_hidden_controls(html):
    page = html("progress.html")
    summary = re.search(r'data-kq-panel="summary">(.*?)</dl>', page, re.S).group(1)
    # After the figures, the week the script fills in, with its key.
    assert re.search(
        r'</dl><div class="kq-week">.*<ol class="kq-week__days" data-kq-week'
        r' aria-labelledby="kq-week-head"></ol>',
        page,
        re.S,
    )
    assert '<div class="kq-nojs"><p>Your level, XP, streaks and achievements' in summary
    assert '<div class="kq-dash kq-js" hidden>' in summary
    assert '<a href="review.html" data-kq-f="due"></a>' in summary
    assert '<progress class="kq-meter" data-kq-m="level"' in summary
    assert re.search(r'<div class="kq-data kq-js" hidden>.*data-kq-act="export"', page, re.S)
    assert 'data-kq-act="reset" data-kq-confirm="Reset all your progress?' in page
    # Achievements are readable without the script: title and what to do.
    assert "<strong>On a roll</strong> — Meet your daily goal 5 days in a row." in page
    assert "<strong>Halfway up</strong> — Reach level 5, Callback Conductor." in page
    review = html("review.html")
    assert '<div class="kq-review kq-js" hidden>' in review
    assert '<input id="kq-goal-review" type="number" min="1" max="50"' in review
    assert "Reviewing needs the online course with JavaScript on." in review


def test_only_pages_with_questions_or_quiz_assets_load_the_quiz(html):
    assert "kq-quiz.js" in html("review.html")  # it copies questions from other pages
    assert "kq-quiz.js" not in html("progress.html")
    assert "progress.min.js" in html("progress.html")


def test_unknown_panel_part_warns_with_file_and_line(tmp_path):
    src = copy_root(
        tmp_path / "src",
        files={"extra.md": "# Extra\n\nText.\n\n```{progress-panel} trophies\n```\n"},
    )
    outdir, warnings = build(src)
    (warning,) = progress_warnings(warnings)
    assert "extra.md:5: WARNING: unknown progress panel 'trophies'; use one of: summary" in warning
    assert warning.endswith("[progress.panel]")
    assert "data-kq-panel" not in (outdir / "extra.html").read_text(encoding="utf-8")
