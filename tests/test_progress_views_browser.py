"""The learner's views after issue 27, in Chromium on the small test course: the course map's zero
state (what to do, no row of zeros), finished tracks folded, Proficient and Mastered set apart
from Familiar; the dashboard's cards in full rows and its week of met, rest and missed days; the
Review page that starts with the goal and the due questions, says what to do when nothing is due,
and heads the mistakes by misconception with descriptive links.
"""

from __future__ import annotations

import json

import pytest
from progress_helpers import serve_copy
from test_progress_game import day, memory, open_with, record

pytestmark = pytest.mark.browser

RIGHT = {"c": True, "f": True}


@pytest.fixture(scope="module")
def course(tmp_path_factory, serve_dir):
    return serve_copy(tmp_path_factory, serve_dir, "views")[0]


# ---- the course map ------------------------------------------------------------------------


def test_a_fresh_map_says_where_to_start_and_shows_no_zeros(context, course):
    page = open_with(context, course + "index.html")
    course_map = page.locator(".kq-course-map")
    cont = course_map.locator("[data-kq-continue]")
    cont.wait_for()
    assert cont.inner_text() == (
        "New here? Start with Track 1: Alpha, then follow the path: each track ends with a quiz "
        "that earns XP."
    )
    assert cont.locator("a").get_attribute("href").endswith("tracks/01-alpha.html")
    # What each track offers stays; no "0/2 answered", no "0/80 XP", no empty rings.
    text = course_map.inner_text()
    assert "0/" not in text and "Not started" not in text
    assert course_map.locator(".kq-ring:visible").count() == 0
    # One way in, on the first track's card.
    go = course_map.locator(".kq-cm-go:visible")
    assert go.count() == 1
    assert go.inner_text() == "Start →"
    assert go.get_attribute("aria-label") == "Start Track 1: Alpha"
    assert course_map.locator(".kq-cm-totals").first.inner_text() == (
        "2 questions · 30 XP + 50 XP track bonus"
    )


def test_once_started_every_card_shows_its_figures(context, course):
    saved = record({"a-one": {"x": 10, **RIGHT, "t": 5, **memory(2, 0, 2)}})
    page = open_with(context, course + "index.html", saved)
    states = page.locator(".kq-course-map .kq-cm-state")
    assert states.nth(1).inner_text() == "Not started · 0/1 answered · 0/65 XP"
    assert page.locator(".kq-course-map .kq-ring:visible").count() == 2


def test_finished_tracks_fold_their_promise_and_mastery_levels_look_apart(context, course):
    saved = record(
        {
            # Alpha: Mastered (memories of 40 days, reviewed today); beta: Familiar.
            "a-one": {"x": 10, **RIGHT, "t": 5, **memory(40, 0, 40)},
            "a-two": {"x": 20, **RIGHT, "t": 6, **memory(40, 0, 40)},
            "b-one": {"x": 15, **RIGHT, "t": 7, **memory(2, 0, 2)},
        },
        bonus={"alpha": 50, "beta": 50},
    )
    page = open_with(context, course + "index.html", saved)
    cards = page.locator(".kq-cm-card")
    alpha, beta = cards.nth(0), cards.nth(1)
    alpha.locator(".kq-mastery").wait_for()
    assert not alpha.locator(".kq-cm-about").is_visible()
    assert not beta.locator(".kq-cm-about").is_visible()  # beta is done too
    assert alpha.locator(".kq-cm-title").is_visible()
    mastered = alpha.locator(".kq-mastery")
    familiar = beta.locator(".kq-mastery")
    assert mastered.inner_text() == "Mastered" and familiar.inner_text() == "Familiar"

    def look(chip) -> dict:
        return chip.evaluate(
            """e => { const s = getComputedStyle(e); const b = getComputedStyle(e, '::before');
            return {border: s.borderTopStyle, weight: s.fontWeight, icon: b.content}; }"""
        )

    assert look(familiar) == {"border": "none", "weight": "400", "icon": "none"}
    assert look(mastered)["border"] == "solid" and look(mastered)["weight"] == "600"
    assert look(mastered)["icon"].startswith('"★')
    # Proficient has a chip and an icon of its own.
    saved["q"]["a-two"] = {"x": 20, **RIGHT, "t": 6, **memory(10, 0, 10)}
    page.evaluate("v => localStorage.setItem('keras-quest:progress', v)", json.dumps(saved))
    page.reload()
    proficient = page.locator(".kq-cm-card").first.locator(".kq-mastery")
    assert proficient.inner_text() == "Proficient"
    assert look(proficient)["border"] == "solid" and look(proficient)["icon"].startswith('"◆')
