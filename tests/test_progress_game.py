"""The learner's view in Chromium (issues 17 and 18): course map cards, the dashboard, the daily
goal, review items that say where they come from and what they pay, imports held to the course's
rules, damaged progress kept in part with copies to restore, and layouts that fit a phone.

Uses the small course in tests/roots/test-progress (see test_progress_browser.py), except the
header badge test, which needs the real site's header.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from progress_helpers import page_data, serve_copy

pytestmark = pytest.mark.browser

KEY = "keras-quest:progress"
THEME_MODE = "try { localStorage.setItem('mode', '%s'); } catch (e) {}"
TODAY = date.today()


def day(offset: int = 0) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def record(q=None, **extra) -> dict:
    """A stored progress record in today's format (schema 3)."""
    base = {"schema": "keras-quest-progress", "v": 3, "q": q or {}, "bonus": {}, "days": []}
    return {**base, "ach": {}, "goal": 5, "log": {}, "retention": 0.9, **extra}


def memory(stability: float, reviewed: int, due: int, difficulty: float = 5.0) -> dict:
    """A question's stored review memory: reviewed and due so many days from today."""
    return {"s": stability, "h": difficulty, "l": day(reviewed), "d": day(due)}


@pytest.fixture(scope="module")
def course(tmp_path_factory, serve_dir):
    return serve_copy(tmp_path_factory, serve_dir, "game")[0]


def open_with(context, url: str, saved: dict | str | None = None, mode: str = "light", extra=None):
    """A new page at ``url`` whose storage holds ``saved`` (and ``extra`` keys) before it loads."""
    context.add_init_script(THEME_MODE % mode)
    items = dict(extra or {})
    if saved is not None:
        items[KEY] = saved if isinstance(saved, str) else json.dumps(saved)
    if items:
        context.add_init_script(
            f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', 1);"
            f" for (const [k, v] of Object.entries({json.dumps(items)}))"
            " localStorage.setItem(k, v); }"
        )
    page = context.new_page()
    page.goto(url)
    return page


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def test_course_map_cards_show_state_mastery_ring_and_continue(context, course):
    saved = record(
        {
            "a-one": {"x": 10, "c": True, "f": True, "t": 5, **memory(10, 0, 4)},
            "a-two": {"x": 20, "c": True, "f": True, "t": 6, **memory(10, 0, 4)},
            "b-one": {"w": 1, "t": 7, **memory(0.212, -1, 1)},
        },
        bonus={"alpha": 50},
    )
    page = open_with(context, course + "index.html", saved)
    cards = page.locator(".kq-cm-card")
    assert [cards.nth(i).get_attribute("class").split()[1:] for i in range(3)] == [
        ["kq-cm--done"],
        ["kq-cm--started", "kq-cm--next"],
        ["kq-cm--empty"],
    ]
    alpha = cards.nth(0)
    assert alpha.locator(".kq-cm-about").inner_text() == "Alpha in one line."
    assert alpha.locator(".kq-cm-state").inner_text() == (
        "✓ Done · 2/2 answered · 80/80 XP\nMastery: Proficient · recall today 100%"
    )
    ring = alpha.locator(".kq-ring").evaluate("e => e.style.getPropertyValue('--kq-p')")
    assert ring == "100%"
    beta = cards.nth(1)
    assert beta.locator(".kq-cm-go").inner_text() == "Continue →"
    assert beta.locator(".kq-cm-go").get_attribute("href").endswith("tracks/02-beta/index.html")
    # b-one, missed yesterday (stability 0.212): FSRS predicts 77% recall today.
    beta_state = beta.locator(".kq-cm-state").inner_text()
    assert beta_state.endswith("Mastery: Attempted · recall today 77%")


def test_mastery_slips_as_predicted_recall_falls(context, course):
    # Both memories hold 90% recall for 40 days: Mastered while the track's recall stays at 90%
    # or more, Proficient down to 80%, then Familiar.
    saved = record(
        {
            "a-one": {"x": 10, "c": True, "f": True, "t": 5, **memory(40, -40, 0)},
            "a-two": {"x": 20, "c": True, "f": True, "t": 6, **memory(40, -50, -10)},
        },
        bonus={"alpha": 50},
    )
    page = open_with(context, course + "index.html", saved)
    state = page.locator(".kq-cm-card").first.locator(".kq-cm-state").inner_text()
    assert state.endswith("Mastery: Proficient (slipping: time to review) · recall today 89%")


def test_course_map_without_javascript_is_static_cards(browser, course):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(course + "index.html")
    cards = page.locator(".kq-cm-card")
    assert cards.count() == 3
    assert [line for line in cards.first.inner_text().splitlines() if line] == [
        "Track 1: Alpha",
        "Alpha in one line.",
        "2 questions · 30 XP + 50 XP track bonus",
    ]
    assert not page.locator(".kq-cm-status").first.is_visible()
    context.close()


def test_course_map_prints_as_a_plain_list(context, course):
    page = open_with(context, course + "index.html", record())
    page.emulate_media(media="print")
    card = page.locator(".kq-cm-card").first
    assert card.evaluate("e => getComputedStyle(e).borderTopStyle") == "none"
    assert card.evaluate("e => getComputedStyle(e, '::before').display") == "none"
    assert not card.locator(".kq-cm-status").is_visible()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_dashboard_shows_level_goal_streak_due_and_badges(browser, course, mode, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    saved = record(
        {
            "a-one": {"x": 10, "c": True, "f": True, "t": 5, **memory(2.3065, -3, 0)},
            "b-one": {"x": 7, "c": True, "w": 1, "t": 6, **memory(1.2931, -1, 3)},
        },
        bonus={"beta": 50},
        days=[day(-3), day(-2), day(-1)],
        ach={"first-correct": day(-3)},
        goal=3,
        log={day(0): 2},
    )
    page = open_with(context, course + "progress.html", saved, mode)
    dash = page.locator(".kq-dash")
    fields = {
        f: dash.locator(f"[data-kq-f={f}]").first.inner_text()
        for f in (
            *("level", "xp", "streak", "rest", "longest", "today", "goal", "due", "next"),
            "recall",
        )
    }
    assert fields == {
        "level": "Lv 1 — Layer Novice",
        "xp": "67 XP · 33 XP to Lv 2",
        "streak": "3 days",
        "rest": "Rest day this week: still free",
        "longest": "3 days",
        "today": "2 of 3",
        "goal": "Goal: 3 questions a day",
        "due": "1 question",
        "next": f"Next: 1 question on {day(3)}",
        # a-one: 88% three days after a Good answer; b-one: 92% a day after a Hard one.
        "recall": "90%",
    }
    assert dash.locator("[data-kq-m=today]").evaluate("e => [e.value, e.max]") == [2, 3]
    earned = page.locator('[data-kq-panel="achievements"] li.kq-earned')
    assert earned.count() == 1
    assert earned.inner_text().endswith(f"✓ Earned {day(-3)}")
    # Earned badges are in colour, the others muted.
    first, second = page.locator('[data-kq-panel="achievements"] li').all()[:2]
    colour = "e => getComputedStyle(e, '::before').color"
    assert first.evaluate(colour) != second.evaluate(colour)
    # Buttons share one style, in the theme's colours.
    export = page.get_by_role("button", name="Export progress")
    assert "kq-btn" in export.get_attribute("class")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_daily_goal_is_set_with_the_keyboard_and_bad_values_are_refused(context, course):
    page = open_with(context, course + "review.html", record(log={day(0): 2}))
    goal = page.locator("#kq-goal-review")
    assert goal.input_value() == "5"
    goal.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Tab")  # the change is committed when focus leaves
    assert stored(page)["goal"] == 2
    assert stored(page)["days"] == [day(0)]  # two done today: the new goal is met
    assert page.locator("[data-kq-f=today]").first.inner_text() == "2 of 2 ✓ goal met"
    goal.fill("0")
    goal.dispatch_event("change")
    assert goal.evaluate("e => e.validationMessage") == "Choose a goal from 1 to 50."
    assert stored(page)["goal"] == 2


def test_review_items_say_their_track_and_what_they_pay(context, course):
    saved = record(
        {
            "a-one": {"x": 10, "c": True, "f": True, "t": 5, **memory(2.3065, -2, -1)},
            "a-two": {"w": 1, "t": 6, **memory(0.212, -1, 0)},
            "b-one": {"t": 7, "r": True, "w": 1, **memory(0.212, -1, 0)},
        }
    )
    page = open_with(context, course + "review.html", saved)
    page.locator("[data-kq-review-list] .kq-question").nth(2).wait_for()
    ids = page.locator("[data-kq-review-list] .kq-question").evaluate_all(
        "qs => qs.map(q => q.dataset.kqId)"
    )
    # The least likely recalled first (a-two, then b-one: the same memory, id order), interleaved:
    # alpha, beta, alpha; a-one, answered right two days ago, is the most likely recalled.
    assert ids == ["a-two", "b-one", "a-one"]
    origins = page.locator(".kq-review__from").all_inner_texts()
    assert origins == [
        "From Track 1: Alpha · pays 10 XP now",
        "From Track 2: Beta · review only, no XP (already earned or revealed)",
        "From Track 1: Alpha · review only, no XP (already earned or revealed)",
    ]


def test_import_recomputes_xp_and_ignores_questions_the_course_lacks(context, course, tmp_path):
    page = open_with(context, course + "progress.html", record())
    forged = record(
        {
            "a-one": {"x": 100000, "c": True, "w": 3},
            "zz-not-here": {"x": 500, "c": True, "f": True},
            "nor-this": {"x": 5, "c": True},
        },
        bonus={"alpha": 9999},
    )
    file = tmp_path / "forged.json"
    file.write_text(json.dumps(forged), encoding="utf-8")
    page.locator("#kq-import-file").set_input_files(file)
    summary = page.locator("[data-kq-summary]")
    summary.wait_for()
    assert summary.inner_text() == (
        "“forged.json” holds 5 XP from 1 question, counted by this course's rules. "
        "2 questions this course does not have were ignored."
    )
    page.get_by_role("button", name="Merge with my progress").click()
    assert page.locator(".kq-badge__text").inner_text().startswith("5 XP ·")
    assert list(stored(page)["q"]) == ["a-one"]


def test_one_bad_record_keeps_the_rest_and_the_copy_can_be_restored(context, course):
    good = {
        "a-one": {"x": 10, "c": True, "f": True, "t": 5},
        "b-one": {"x": 15, "c": True, "f": True},
    }
    damaged = record({**good, "a-two": {"x": "lots"}}, bonus={"beta": 50})
    page = open_with(context, course + "progress.html", damaged)
    # Every valid record is kept: 10 + 15 + 50.
    assert page.locator(".kq-badge__text").inner_text().startswith("75 XP ·")
    notice = page.locator("[data-kq-damaged]")
    assert "Part of your saved progress was damaged" in notice.inner_text()
    copies = page.locator("[data-kq-copy-list] li")
    assert copies.count() == 1
    assert "(damaged record): 75 XP from 2 questions." in copies.first.inner_text()
    # Reset sets a copy aside too; restoring merges it back.
    page.on("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Reset progress…").click()
    assert page.locator(".kq-badge__text").inner_text().startswith("0 XP ·")
    assert copies.count() == 2
    assert "(before a reset): 75 XP from 2 questions." in copies.first.inner_text()
    copies.first.get_by_role("button", name="Restore").click()
    assert page.locator(".kq-badge__text").inner_text().startswith("75 XP ·")
    assert page.locator("[data-kq-status]").inner_text() == "Restored: you now have 75 XP."
    # The notice stays across visits until dismissed.
    page.reload()
    notice.get_by_role("button", name="Dismiss").click()
    page.reload()
    assert page.locator("[data-kq-damaged]").count() == 0


def test_at_most_three_copies_are_kept(context, course):
    backups = {f"{KEY}:backup:{n}:reset": json.dumps(record()) for n in (1, 2, 3)}
    page = open_with(
        context, course + "progress.html", record({"a-one": {"x": 10, "c": True}}), extra=backups
    )
    page.on("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Reset progress…").click()
    keys = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{KEY}:backup:'))")
    assert len(keys) == 3 and f"{KEY}:backup:1:reset" not in keys
    assert page.locator("[data-kq-copy-list] li").count() == 3


def test_everything_is_reachable_with_the_keyboard(context, course):
    page = open_with(context, course + "progress.html", record())
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate("document.activeElement.dataset.kqAct || document.activeElement.id")
        )
    assert {"export", "kq-import-file", "reset"} <= reached


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_header_badge_fits_a_320px_phone_at_every_level(whole_course, browser, mode):
    levels = [level["xp"] for level in page_data(whole_course.outdir / "index.html")["levels"]]
    context = browser.new_context(viewport={"width": 320, "height": 700})
    context.add_init_script(THEME_MODE % mode)
    page = context.new_page()
    page.goto(whole_course.url + "tracks/04-models.html")
    for xp in levels:
        page.evaluate(
            "([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(record(bonus={"x": xp}))]
        )
        page.reload()
        text = page.locator(".kq-badge__text").inner_text()
        assert text.startswith(f"{xp:,} XP · Lv"), text
        header = page.locator(".bd-header-article")
        assert header.evaluate("e => e.scrollWidth <= e.clientWidth"), text
        box = page.locator(".kq-badge").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (text, box)
    context.close()


def test_a_file_exported_in_schema_1_imports_and_migrates(context, course):
    fixture = Path(__file__).parent / "js" / "fixtures" / "progress-v1.json"
    page = open_with(context, course + "progress.html", record())
    page.locator("#kq-import-file").set_input_files(fixture)
    summary = page.locator("[data-kq-summary]")
    summary.wait_for()
    # a-one right first time (10), a-two right after a miss (half of 20), b-one never right;
    # track alpha complete (50). The file's ids are the test course's.
    assert summary.inner_text().startswith("“progress-v1.json” holds 70 XP from 3 questions")
    page.on("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Replace my progress").click()
    saved = stored(page)
    assert saved["v"] == 4 and saved["goal"] == 5 and saved["retention"] == 0.9
    assert saved["e"] == {}  # schema 4: no code exercise solved
    assert saved["days"] == ["2026-11-19", "2026-11-20"]
    assert saved["q"]["a-one"]["s"] == 2.3065  # right answers joined review: a Good answer
    assert "b" not in saved["q"]["a-one"]
    assert page.locator(".kq-badge__text").inner_text().startswith("70 XP ·")


# ---- with the quiz: answers that stay answered, tests, misconceptions ----------------------------
def badge_text(page) -> str:
    return page.locator(".kq-badge__text").inner_text()


def test_an_answered_question_stays_answered_and_practice_pays_nothing(context, course):
    saved = record({"a-one": {"x": 10, "c": True, "f": True, "t": 1_700_000_000_000}})
    page = open_with(context, course + "tracks/01-alpha.html", saved)
    first = page.locator('.kq-question[data-kq-id="a-one"]')
    feedback = first.locator(".kq-feedback")
    assert feedback.inner_text().startswith("✓ You answered this correctly on 2023-11-")
    assert first.locator("input[data-kq-correct]").first.is_checked()
    # The other question, never answered, is open as usual.
    assert page.locator('.kq-question[data-kq-id="a-two"] .kq-check').is_visible()
    first.get_by_role("button", name="Practice again").click()
    first.locator("input[data-kq-correct]").first.check()
    first.locator(".kq-check").click()
    assert badge_text(page).startswith("10 XP ·")
    assert stored(page)["q"]["a-one"]["x"] == 10


def test_test_yourself_pays_new_questions_and_sends_misses_to_review(context, course):
    saved = record({"a-one": {"x": 10, "c": True, "f": True, "t": 5}})
    page = open_with(context, course + "tracks/01-alpha.html", saved)
    page.get_by_role("button", name="Test yourself").first.click()
    two = page.locator('.kq-question[data-kq-id="a-two"]')
    two.locator("input:not([data-kq-correct])").first.check()
    page.get_by_role("button", name="Finish test").click()
    saved = stored(page)
    # a-one: right again, already paid; a-two: missed, into review (Again: tomorrow), no XP.
    assert saved["q"]["a-two"]["d"] == day(1) and "x" not in saved["q"]["a-two"]
    assert badge_text(page).startswith("10 XP ·")


def test_a_blank_test_costs_nothing(context, course):
    page = open_with(context, course + "tracks/01-alpha.html", record())
    page.get_by_role("button", name="Test yourself").first.click()
    page.get_by_role("button", name="Finish test").click()
    assert page.locator(".kq-score").inner_text().startswith("Test yourself: 0 of 2 right")
    page.get_by_role("button", name="Leave test").click()
    # Nothing was attempted, so a first answer still pays in full.
    page.locator('.kq-question[data-kq-id="a-one"] input[data-kq-correct]').first.check()
    page.locator('.kq-question[data-kq-id="a-one"] .kq-check').click()
    assert badge_text(page).startswith("10 XP ·")


def test_the_final_test_mixes_every_track_and_counts_like_a_test(context, course):
    page = open_with(context, course + "final.html", record())
    about = page.locator("[data-kq-final-about]").inner_text()
    assert about.startswith("3 questions from all 2 tracks")
    page.get_by_role("button", name="Start the final test").click()
    questions = page.locator("[data-kq-final-list] .kq-question")
    questions.nth(2).wait_for()
    ids = sorted(questions.evaluate_all("qs => qs.map(q => q.dataset.kqId)"))
    assert ids == ["a-one", "a-two", "b-one"]
    for qid in ids:
        page.locator(f'[data-kq-final-list] .kq-question[data-kq-id="{qid}"]').locator(
            "input[data-kq-correct]"
        ).first.check()
    page.get_by_role("button", name="Finish test").click()
    # Every question right at the first attempt: 10 + 20 + 15 and both track bonuses.
    assert badge_text(page).startswith("145 XP ·")


def test_review_groups_mistakes_by_misconception_with_a_link(context, course):
    page = open_with(context, course + "tracks/02-beta/part2.html", record())
    question = page.locator('.kq-question[data-kq-id="b-one"]')
    question.locator("input:not([data-kq-correct])").check()
    question.locator(".kq-check").click()
    assert stored(page)["q"]["b-one"]["m"] == ["beta-basics"]
    page.goto(course + "review.html")
    box = page.locator("[data-kq-mistakes]")
    assert box.is_visible()
    item = box.locator("li")
    assert item.inner_text() == "Beta basics — 1 question missed: Track 2, question 1"
    link = item.get_by_role("link", name="Beta basics")
    assert link.get_attribute("href").endswith("tracks/02-beta/part2.html#beta-basics")
