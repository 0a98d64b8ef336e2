"""The game's last leaks (issue 27), each as a learner meets it in Chromium: a forged import's
achievements, a damaged record's track bonus, questions that look new after "Leave test", a
finished test's announcement, and the numbers of copied questions.

Uses the small course in tests/roots/test-progress (see test_progress_browser.py): a-one 10 XP
and a-two 20 XP in Track 1, b-one 15 XP in Track 2, x-one 10 XP outside tracks, track bonus 50;
Lv 2 at 100 XP.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from progress_helpers import serve_copy

pytestmark = pytest.mark.browser

KEY = "keras-quest:progress"
THEME_MODE = "try { localStorage.setItem('mode', 'light'); } catch (e) {}"
TODAY = date.today().isoformat()
YESTERDAY = (date.today() - timedelta(days=1)).isoformat()


def record(q=None, **extra) -> dict:
    """A stored progress record in today's format (schema 2)."""
    base = {"schema": "keras-quest-progress", "v": 2, "q": q or {}, "bonus": {}, "days": []}
    return {**base, "ach": {}, "goal": 5, "log": {}, **extra}


@pytest.fixture(scope="module")
def course(tmp_path_factory, serve_dir):
    return serve_copy(tmp_path_factory, serve_dir, "leaks")[0]


def open_with(context, url: str, saved: dict | str | None = None):
    """A new page at ``url`` whose storage holds ``saved`` before its first load."""
    context.add_init_script(THEME_MODE)
    if saved is not None:
        text = saved if isinstance(saved, str) else json.dumps(saved)
        context.add_init_script(
            "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', 1);"
            f" localStorage.setItem({json.dumps(KEY)}, {json.dumps(text)}); }}"
        )
    page = context.new_page()
    page.goto(url)
    return page


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def badge(page) -> str:
    return page.locator(".kq-badge__text").inner_text()


def achievement(page, title: str) -> str:
    return page.locator('[data-kq-panel="achievements"] li', has_text=title).inner_text()


def listen_to_announcements(page) -> None:
    """Collects every text the progress live region is given, in ``window.said``."""
    page.evaluate(
        """() => {
        window.said = [];
        const region = document.querySelector('[data-kq-live]');
        new MutationObserver(() => region.textContent && window.said.push(region.textContent))
          .observe(region, {childList: true, characterData: true, subtree: true});
    }"""
    )


def test_a_forged_import_keeps_no_achievement_it_did_not_earn(context, course, tmp_path):
    # 10 XP, claiming the top level, a perfect track, a course finished and a mastered track.
    forged = record(
        {"a-one": {"x": 10, "c": True, "f": True, "t": 5, "b": 2, "d": TODAY, "k": 2}},
        ach={
            "first-correct": "2026-01-02",
            "perfect-track": "2026-01-02",
            "level-5": "2026-01-02",
            "level-10": "2026-01-02",
            "all-tracks": "2026-01-02",
            "mastered-track": "2026-01-02",
        },
    )
    file = tmp_path / "forged.json"
    file.write_text(json.dumps(forged), encoding="utf-8")
    page = open_with(context, course + "progress.html", record())
    page.locator("#kq-import-file").set_input_files(file)
    page.locator("[data-kq-summary]").wait_for()
    page.on("dialog", lambda dialog: dialog.accept())  # "Replace your progress?"
    page.get_by_role("button", name="Replace my progress").click()
    assert badge(page) == "10 XP · Lv 1 — Layer Novice"
    assert achievement(page, "Top of the table").endswith("Not yet")
    assert achievement(page, "Halfway up").endswith("Not yet")
    assert achievement(page, "Course complete").endswith("Not yet")
    assert achievement(page, "Mastered").endswith("Not yet")
    assert achievement(page, "Flawless").endswith("Not yet")  # a-two was never answered
    # What the record does earn keeps the day it claims.
    assert achievement(page, "First steps").endswith("✓ Earned 2026-01-02")
    assert stored(page)["ach"] == {"first-correct": "2026-01-02"}


def test_damaged_storage_drops_the_bonus_of_questions_it_lost(context, course):
    # Track 1's questions are damaged beyond reading; its bonus and achievements survived.
    damaged = record(
        {"a-one": {"x": "ten"}, "a-two": "lost", "x-one": {"x": 10, "c": True, "t": 5}},
        bonus={"alpha": 50},
        ach={"first-correct": "2026-01-02", "perfect-track": "2026-01-02"},
    )
    page = open_with(context, course + "index.html", damaged)
    notice = page.locator("[data-kq-damaged]").inner_text()
    assert "Part of your saved progress was damaged" in notice
    alpha = page.locator(".kq-cm-card").first.locator(".kq-cm-state")
    assert alpha.inner_text() == "Not started · 0/2 answered · 0/80 XP"
    assert badge(page) == "5 XP · Lv 1 — Layer Novice"  # x-one, right but not at the first try
    saved = stored(page)
    assert saved["bonus"] == {}
    assert saved["ach"] == {"first-correct": "2026-01-02"}
    # The whole record, bonus included, waits in the copy set aside.
    copies = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{KEY}:backup:'))")
    assert len(copies) == 1
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", copies[0]))["bonus"] == {
        "alpha": 50
    }


def test_leaving_a_test_shows_its_answered_questions_as_answered(context, course):
    page = open_with(context, course + "tracks/01-alpha.html", record())
    page.get_by_role("button", name="Test yourself").first.click()
    one = page.locator('.kq-question[data-kq-id="a-one"]')
    two = page.locator('.kq-question[data-kq-id="a-two"]')
    one.locator("input[data-kq-correct]").check()
    two.locator("input:not([data-kq-correct])").check()
    page.get_by_role("button", name="Finish test").click()
    assert badge(page).startswith("10 XP ·")
    page.get_by_role("button", name="Leave test").click()
    # a-one was answered right in the test: answered, as after a reload, with practice offered.
    assert (
        one.locator(".kq-feedback")
        .inner_text()
        .startswith(f"✓ You answered this correctly on {TODAY}.")
    )
    assert one.get_by_role("button", name="Practice again").is_visible()
    assert not one.locator(".kq-check").is_visible()
    # a-two was missed: open to answer, and a right answer now pays half, and the track bonus.
    two.locator("input[data-kq-correct]").check()
    two.locator(".kq-check").click()
    assert badge(page).startswith("70 XP ·")
    page.reload()
    assert one.locator(".kq-feedback").inner_text().startswith("✓ You answered this correctly")


def test_leaving_the_final_test_shows_its_answered_questions_as_answered(context, course):
    page = open_with(context, course + "final.html", record())
    page.get_by_role("button", name="Start the final test").click()
    copies = page.locator("[data-kq-final-list] .kq-question")
    copies.nth(2).wait_for()
    copies.locator("input[data-kq-correct]").first.check()
    right = copies.first.get_attribute("data-kq-id")
    page.get_by_role("button", name="Finish test").click()
    page.get_by_role("button", name="Leave test").click()
    first = copies.first
    assert first.locator(".kq-feedback").inner_text().startswith("✓ You answered this correctly")
    assert first.get_by_role("button", name="Practice again").is_visible()
    others = copies.evaluate_all(
        "qs => qs.slice(1).map(q => q.querySelector('.kq-check').offsetParent !== null)"
    )
    assert others == [True, True], right


def test_a_right_answer_that_pays_nothing_says_why(context, course):
    page = open_with(context, course + "tracks/01-alpha.html", record())
    one = page.locator('.kq-question[data-kq-id="a-one"]')
    one.locator("input[data-kq-correct]").check()
    one.locator(".kq-check").click()
    live = page.locator("[data-kq-live]")
    page.wait_for_function("() => document.querySelector('[data-kq-live]').textContent")
    assert live.text_content().startswith("+10 XP.")
    one.get_by_role("button", name="Answer again").click()
    one.locator(".kq-check").click()
    page.wait_for_function(
        "() => document.querySelector('[data-kq-live]').textContent.startsWith('No XP')"
    )
    assert live.text_content() == "No XP this time: this question has paid its XP already."
    assert badge(page).startswith("10 XP ·")


def test_a_finished_test_announces_its_total_once_then_the_news(context, course):
    # 67 XP before (b-one paid half, its track bonus, x-one); a goal of two questions a day.
    saved = record(
        {"b-one": {"x": 7, "c": True, "w": 1, "t": 5}, "x-one": {"x": 10, "c": True, "t": 5}},
        bonus={"beta": 50},
        ach={"first-correct": "2026-01-02"},
        goal=2,
    )
    page = open_with(context, course + "tracks/01-alpha.html", saved)
    page.get_by_role("button", name="Test yourself").first.click()
    for qid in ("a-one", "a-two"):
        page.locator(f'.kq-question[data-kq-id="{qid}"] input[data-kq-correct]').check()
    listen_to_announcements(page)
    page.get_by_role("button", name="Finish test").click()
    page.wait_for_function("() => window.said.length")
    page.wait_for_timeout(300)  # a second announcement would come within this
    said = page.evaluate("window.said")
    assert said == [
        "Test finished: +80 XP, track bonus included. Level up! You reached Lv 2 — Tensor "
        "Tinkerer. Daily goal met! Achievement unlocked: Flawless. Achievement unlocked: Course "
        "complete."
    ]
    assert badge(page) == "147 XP · Lv 2 — Tensor Tinkerer"
    assert page.locator("[data-kq-badge].kq-levelup").count() == 1


def test_a_test_that_pays_nothing_says_so_once(context, course):
    saved = record(
        {"a-one": {"x": 10, "c": True, "f": True, "t": 5}}, ach={"first-correct": "2026-01-02"}
    )
    page = open_with(context, course + "tracks/01-alpha.html", saved)
    page.get_by_role("button", name="Test yourself").first.click()
    page.locator('.kq-question[data-kq-id="a-one"] input[data-kq-correct]').check()
    listen_to_announcements(page)
    page.get_by_role("button", name="Finish test").click()
    page.wait_for_function("() => window.said.length")
    page.wait_for_timeout(300)
    assert page.evaluate("window.said") == ["Test finished: no new XP."]


def legends(page, where: str) -> list[list[str]]:
    return page.locator(f"{where} .kq-question").evaluate_all(
        "qs => qs.map(q => [q.dataset.kqId, q.querySelector('.kq-num').textContent])"
    )


def test_final_test_numbers_its_questions_in_order_with_their_track(context, course):
    page = open_with(context, course + "final.html", record())
    page.get_by_role("button", name="Start the final test").click()
    page.locator("[data-kq-final-list] .kq-question").nth(2).wait_for()
    page.wait_for_function("() => document.querySelector('[data-kq-act=final]').disabled === false")
    tracks = {"a-one": 1, "a-two": 1, "b-one": 2}
    found = legends(page, "[data-kq-final-list]")
    assert [text for _id, text in found] == [
        f"Question {i} · Track\u00a0{tracks[qid]}" for i, (qid, _text) in enumerate(found, 1)
    ]


def test_review_numbers_its_questions_in_order_with_their_track(context, course):
    due = {"w": 1, "b": 1, "d": YESTERDAY}
    saved = record({"a-two": {**due, "t": 5}, "b-one": {**due, "t": 6}, "x-one": {**due, "t": 7}})
    page = open_with(context, course + "review.html", saved)
    page.locator("[data-kq-review-list] .kq-question").nth(2).wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-kq-review-list] .kq-num').textContent.includes('·')"
    )
    assert sorted(legends(page, "[data-kq-review-list]"), key=lambda pair: pair[1]) == [
        ["a-two", "Question 1 · Track\u00a01"],
        ["b-one", "Question 2 · Track\u00a02"],
        ["x-one", "Question 3"],
    ]
