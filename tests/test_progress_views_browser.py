"""The learner's views after issue 27, in Chromium on the small test course: the course map's zero
state (what to do, no row of zeros), finished tracks folded, Proficient and Mastered set apart
from Familiar; the dashboard's cards in full rows and its week of met, rest and missed days; the
Review page that starts with the goal and the due questions, says what to do when nothing is due,
and heads the mistakes by misconception with descriptive links.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from progress_helpers import serve_copy
from test_progress_game import memory, open_with, record

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


# ---- the dashboard -------------------------------------------------------------------------

WEEK = record(
    {"a-one": {"x": 10, **RIGHT, "t": 5, "s": 2, "h": 5.0, "l": "2026-03-09", "d": "2026-03-11"}},
    # Mon 03-02 and Tue met; Wed and Thu missed (the streak breaks); Fri to Mon met; Tue 03-10
    # missed (that week's rest day); today, Wed 03-11, one question of five so far.
    days=["2026-03-02", "2026-03-03", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"],
    log={"2026-03-11": 1},
)


def open_on(browser, url: str, day: str, saved: dict, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(
        f"localStorage.setItem('mode', 'light');"
        f" if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', 1);"
        f" localStorage.setItem('keras-quest:progress', {json.dumps(json.dumps(saved))}); }}"
    )
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=UTC))
    page.goto(url)
    return context, page


def test_a_learner_who_started_today_has_missed_no_day(browser, course):
    """Six red crosses for the days before a first answer read as failures never made: those
    days show as before the start, in words and with a mark of their own."""
    started = record({"a-one": {"x": 10, **RIGHT, "t": 5}}, log={"2026-03-11": 1})
    context, page = open_on(browser, course + "progress.html", "2026-03-11", started)
    days = page.locator("[data-kq-week] > li")
    days.nth(6).wait_for()
    classes = days.evaluate_all("ds => ds.map(d => d.className)")
    assert classes == [*["kq-day kq-day--before"] * 6, "kq-day kq-day--today kq-day--now"]
    assert days.nth(0).locator(".kq-vh").inner_text() == ", 2026-03-05: before you started"
    assert "✗" not in days.locator(".kq-day__mark").all_inner_texts()
    context.close()


def test_the_week_shows_met_rest_and_missed_days_apart(browser, course):
    context, page = open_on(browser, course + "progress.html", "2026-03-11", WEEK)
    days = page.locator("[data-kq-week] > li")
    days.nth(6).wait_for()
    assert days.evaluate_all("ds => ds.map(d => d.className)") == [
        "kq-day kq-day--missed",
        *["kq-day kq-day--met"] * 4,
        "kq-day kq-day--rest",
        "kq-day kq-day--today kq-day--now",
    ]
    # In words for a screen reader; a mark for the eye, not colour alone.
    assert days.nth(0).locator(".kq-vh").inner_text() == ", 2026-03-05: missed"
    assert days.nth(5).locator(".kq-vh").inner_text() == ", 2026-03-10: rest day, streak kept"
    assert days.nth(6).locator(".kq-vh").inner_text() == ", 2026-03-11: today, goal not met yet"
    marks = days.locator(".kq-day__mark").all_inner_texts()
    assert marks == ["✗", "✓", "✓", "✓", "✓", "☾", "…"]
    assert [days.nth(i).locator(".kq-day__name").inner_text() for i in (0, 6)] == ["Thu", "Wed"]
    styles = days.evaluate_all("ds => ds.map(d => getComputedStyle(d).borderTopStyle)")
    assert styles[0] == "solid" and styles[5] == "dashed"
    # The streak the week shows: the four days since the break; the rest day is used.
    assert page.locator(".kq-dash [data-kq-f=streak]").inner_text() == "4 days"
    assert page.locator(".kq-dash [data-kq-f=rest]").inner_text() == "Rest day this week: used"
    # Meeting today's goal turns today's box to met.
    saved = {**WEEK, "days": [*WEEK["days"], "2026-03-11"], "log": {"2026-03-11": 5}}
    page.evaluate("v => localStorage.setItem('keras-quest:progress', v)", json.dumps(saved))
    page.reload()
    assert days.nth(6).get_attribute("class") == "kq-day kq-day--met kq-day--now"
    assert days.nth(6).locator(".kq-vh").inner_text() == ", 2026-03-11: today, goal met"
    context.close()


# Each row of a grid of cards reaches the grid's right edge (no hole after a lone card).
ROWS_FILLED = """grid => {
  const right = grid.getBoundingClientRect().right;
  const rows = {};
  for (const card of grid.children) {
    const box = card.getBoundingClientRect();
    const top = Math.round(box.top);
    rows[top] = Math.max(rows[top] || 0, box.right);
  }
  return Object.values(rows).map((end) => Math.abs(end - right) < 2);
}"""


@pytest.mark.parametrize("width", [320, 360, 1280])
def test_the_dashboard_cards_fill_their_rows(browser, course, width):
    context, page = open_on(browser, course + "progress.html", "2026-03-11", WEEK, width)
    page.locator('.kq-dash [data-kq-f="recall"]').wait_for()
    stats = page.locator(".kq-dash .kq-stats")
    assert stats.locator(":scope > .kq-stat").count() == 6
    rows = stats.evaluate(ROWS_FILLED)
    assert len(rows) == (3 if width < 576 else 2) and all(rows), rows
    achievements = page.locator("ul.kq-ach")
    assert all(achievements.evaluate(ROWS_FILLED))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


# ---- the Review page -----------------------------------------------------------------------

DUE = record(
    {
        "a-one": {"x": 10, **RIGHT, "t": 5, "s": 2, "h": 5.0, "l": "2026-03-08", "d": "2026-03-10"},
        "b-one": {"w": 1, "t": 6, "m": ["beta-basics"], "s": 0.2, "h": 5, "l": "2026-03-09"}
        | {"d": "2026-03-10"},
    }
)


def test_review_starts_with_the_goal_and_the_due_questions(browser, course):
    context, page = open_on(browser, course + "review.html", "2026-03-11", DUE, 360, 800)
    panel = page.locator('[data-kq-panel="review"]')
    panel.locator("[data-kq-review-list] .kq-question").nth(1).wait_for()
    # In reading order: the goal, what is due, the due questions; then the retention, the
    # forecast and the mistakes.
    order = panel.evaluate(
        """p => ['.kq-goal__label', '[data-kq-f=due]', '[data-kq-review-list]', '#kq-retention',
            '.kq-forecast', '#kq-mistakes'].map(s => p.querySelector(s))
            .map((e, i, all) => i === 0 || (all[i - 1].compareDocumentPosition(e) & 4) > 0)"""
    )
    assert all(order), order
    # The first due question is on the first screen of a phone.
    first = panel.locator("[data-kq-review-list] .kq-question").first.bounding_box()
    assert first["y"] < 800, first
    assert not panel.locator("[data-kq-review-empty]").is_visible()
    # The mistakes are a heading with links that say where they go.
    heading = page.get_by_role("heading", name="Your mistakes by misconception")
    assert heading.evaluate("e => e.localName") == "h2"
    links = page.locator("[data-kq-mistake-list] a").all_inner_texts()
    assert links == ["Beta basics", "Track 2, question 1"]
    context.close()


def test_an_empty_review_says_what_to_do_next(browser, course):
    # Nothing answered yet: start with Track 1.
    context, page = open_on(browser, course + "review.html", "2026-03-11", record())
    empty = page.locator("[data-kq-review-empty]")
    empty.wait_for()
    assert empty.inner_text() == (
        "Nothing to review yet: a question comes here after you answer it on its track's page. "
        "Start with Track 1: Alpha."
    )
    assert empty.locator("a").get_attribute("href").endswith("tracks/01-alpha.html")
    # Fourteen days without a review are not shown as a table of zeros.
    assert not page.locator(".kq-forecast").is_visible()
    context.close()
    # Track 1 done, nothing due today: continue with Track 2.
    done = record(
        {
            "a-one": {"x": 10, **RIGHT, "t": 5, "s": 9, "h": 5.0, "l": "2026-03-10"}
            | {"d": "2026-03-19"},
            "a-two": {"x": 20, **RIGHT, "t": 6, "s": 9, "h": 5.0, "l": "2026-03-10"}
            | {"d": "2026-03-19"},
        },
        bonus={"alpha": 50},
    )
    context, page = open_on(browser, course + "review.html", "2026-03-11", done)
    empty = page.locator("[data-kq-review-empty]")
    empty.wait_for()
    assert empty.inner_text() == (
        "Nothing is due for review now: come back on the day the forecast shows. "
        "Meanwhile, continue Track 2: Beta."
    )
    context.close()
    # Every track done: the course map.
    done["q"]["b-one"] = {"x": 15, **RIGHT, "t": 7, "s": 9, "h": 5.0, "l": "2026-03-10"} | {
        "d": "2026-03-19"
    }
    context, page = open_on(browser, course + "review.html", "2026-03-11", done)
    link = page.locator("[data-kq-review-empty] a")
    assert link.inner_text() == "the course map"
    assert link.get_attribute("href").endswith("progress.html#tracks")
    context.close()
