"""FSRS review in the learner's browser (issue 26), with the clock moved: the Review page orders
due questions by predicted recall and forecasts 14 days, the desired retention reschedules, the
map and My progress show recall today and mastery follows it, and a stored schema-2 record
migrates. Uses the small course in tests/roots/test-progress.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect
from progress_helpers import serve_copy

pytestmark = pytest.mark.browser

KEY = "keras-quest:progress"
V2_FIXTURE = Path(__file__).parent / "js" / "fixtures" / "progress-v2.json"


@pytest.fixture(scope="module")
def course(tmp_path_factory, serve_dir):
    return serve_copy(tmp_path_factory, serve_dir, "review")[0]


def record(q: dict, **extra) -> dict:
    base = {"schema": "keras-quest-progress", "v": 3, "q": q, "bonus": {}, "days": [], "ach": {}}
    return {**base, "goal": 5, "log": {}, "retention": 0.9, **extra}


def memory(stability: float, reviewed: str, due: str) -> dict:
    return {"s": stability, "h": 5.0, "l": f"2026-{reviewed}", "d": f"2026-{due}"}


RIGHT = {"c": True, "f": True}


def at(page, day: str) -> None:
    page.clock.set_fixed_time(datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=UTC))


def open_at(context, url: str, day: str, saved: dict | None = None):
    """A page at ``url`` on ``day`` whose storage holds ``saved`` before its scripts run."""
    if saved is not None:
        items = {KEY: json.dumps(saved)}
        context.add_init_script(
            "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', 1);"
            f" for (const [k, v] of Object.entries({json.dumps(items)}))"
            " localStorage.setItem(k, v); }"
        )
    page = context.new_page()
    at(page, day)
    page.goto(url)
    return page


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def forecast(page) -> list[list[str]]:
    rows = page.locator(".kq-forecast tbody tr")
    return [row.locator("th, td").all_inner_texts() for row in rows.all()]


def due_ids(page) -> list[str]:
    return page.locator("[data-kq-review-list] .kq-question").evaluate_all(
        "qs => qs.map(q => q.dataset.kqId)"
    )


SAVED = record(
    {
        # 2026-03-10 (a Tuesday): a-one overdue, 84% recall; a-two missed two days ago, 70%;
        # b-one due today, 90%; x-one (outside the tracks) due in 13 days.
        "a-one": {"x": 10, **RIGHT, "t": 5, **memory(2.3065, "03-05", "03-08")},
        "a-two": {"w": 1, "t": 6, **memory(0.212, "03-08", "03-09")},
        "b-one": {"x": 15, **RIGHT, "t": 7, **memory(10, "02-28", "03-10")},
        "x-one": {"x": 10, **RIGHT, "t": 8, **memory(13.8, "03-10", "03-23")},
    }
)


def test_review_page_orders_by_recall_and_forecasts_two_weeks(browser, course):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = open_at(context, course + "review.html", "2026-03-10", SAVED)
    page.locator("[data-kq-review-list] .kq-question").nth(2).wait_for()
    # The least likely recalled first (a-two), then one from each track in turn.
    assert due_ids(page) == ["a-two", "b-one", "a-one"]
    table = page.locator("table.kq-forecast")
    assert table.locator("caption").inner_text() == "Reviews due, the next 14 days"
    assert table.locator("thead th").all_inner_texts() == ["Day", "Reviews"]
    rows = forecast(page)
    assert len(rows) == 14
    assert rows[0] == ["Today", "3"]
    assert rows[1] == ["Wed 2026-03-11", "0"]
    assert rows[13] == ["Mon 2026-03-23", "1"]
    assert sum(int(count) for _day, count in rows) == 4
    # Fits a 320 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Answering a due question moves it out of today's count, into a later day.
    question = page.locator('[data-kq-review-list] .kq-question[data-kq-id="b-one"]')
    question.locator("input[data-kq-correct]").first.check()
    question.locator(".kq-check").click()
    rows = forecast(page)
    assert rows[0] == ["Today", "2"] and sum(int(count) for _day, count in rows) == 3
    context.close()

    # Thirteen days on, nothing answered since: all four are due, x-one (just due) last.
    context = browser.new_context()
    page = open_at(context, course + "review.html", "2026-03-23", SAVED)
    page.locator("[data-kq-review-list] .kq-question").nth(3).wait_for()
    assert due_ids(page) == ["a-two", "b-one", "x-one", "a-one"]
    assert forecast(page)[0] == ["Today", "4"]
    context.close()


def test_desired_retention_is_a_setting_that_reschedules(context, course):
    page = open_at(context, course + "review.html", "2026-03-10", SAVED)
    setting = page.get_by_label("Desired retention")
    assert setting.input_value() == "0.9"
    assert setting.locator("option").all_inner_texts() == ["80%", "85%", "90%", "95%"]
    assert "more reviews" in page.locator(".kq-retention").inner_text()
    assert forecast(page)[13] == ["Mon 2026-03-23", "1"]
    setting.select_option("0.95")
    saved = stored(page)
    assert saved["retention"] == 0.95
    # x-one, reviewed today with 13.8 days' stability, now comes back after 6 days, not 13.
    assert saved["q"]["x-one"]["d"] == "2026-03-16"
    rows = forecast(page)
    assert rows[6] == ["Mon 2026-03-16", "1"] and rows[13][1] == "0"
    page.reload()
    assert page.get_by_label("Desired retention").input_value() == "0.95"


def test_the_map_and_dashboard_show_recall_falling_day_by_day(context, course):
    mastered = record(
        {
            "a-one": {"x": 10, **RIGHT, "t": 5, **memory(40, "03-10", "04-19")},
            "a-two": {"x": 20, **RIGHT, "t": 6, **memory(40, "03-10", "04-19")},
        },
        bonus={"alpha": 50},
    )
    page = open_at(context, course + "progress.html", "2026-03-10", mastered)
    card = page.locator('.kq-course-map [data-kq-track="alpha"] .kq-cm-state')
    assert card.inner_text().endswith("Mastery: Mastered · recall today 100%")
    assert page.locator("[data-kq-f=recall]").inner_text() == "100%"
    for day, text in [
        ("2026-04-19", "Mastery: Mastered · recall today 90%"),  # due: recall at 90%
        ("2026-04-29", "Mastery: Proficient (slipping: time to review) · recall today 88%"),
        ("2026-09-01", "Mastery: Familiar (slipping: time to review) · recall today 77%"),
    ]:
        at(page, day)
        page.reload()
        assert card.inner_text().endswith(text), day
        assert page.locator("[data-kq-f=recall]").inner_text() == text.rsplit(" ", 1)[1]


def test_a_stored_schema_2_record_migrates_without_losing_anything(context, course):
    exported = json.loads(V2_FIXTURE.read_text(encoding="utf-8"))
    exported.pop("exported")
    page = open_at(context, course + "review.html", "2026-11-29", exported)
    page.locator("[data-kq-review-list] .kq-question").nth(1).wait_for()
    # Its two box-1 questions, due 11-29, are due; a-one (box 3, due 12-02) is not.
    assert due_ids(page) == ["a-two", "b-one"]
    assert page.locator(".kq-badge__text").inner_text().startswith("70 XP ·")
    question = page.locator('[data-kq-review-list] .kq-question[data-kq-id="a-two"]')
    question.locator("input[data-kq-correct]").first.check()
    question.locator(".kq-check").click()
    saved = stored(page)
    assert saved["v"] == 4 and saved["retention"] == 0.9 and saved["goal"] == 3
    assert saved["e"] == {}
    assert set(saved["q"]) == {"a-one", "a-two", "b-one"}
    assert all("b" not in q and "k" not in q for q in saved["q"].values())
    assert saved["q"]["a-one"]["d"] == "2026-12-02" and saved["q"]["a-one"]["x"] == 10
    assert saved["q"]["a-two"]["l"] == "2026-11-29"
    assert page.locator(".kq-badge__text").inner_text().startswith("70 XP ·")


def test_a_right_answer_after_the_hint_and_a_right_retry_are_graded_hard(context, course):
    page = open_at(context, course + "tracks/01-alpha.html", "2026-03-10", record({}))
    one = page.locator('.kq-question[data-kq-id="a-one"]')
    # The test course has no hints: give a-one one, as the quiz renders them.
    one.evaluate(
        "q => q.querySelector('.kq-actions').after(Object.assign(document.createElement('details'),"
        " {className: 'kq-hint', innerHTML: '<summary>Hint</summary><p>Think.</p>'}))"
    )
    one.locator(".kq-hint summary").click()
    one.locator("input[data-kq-correct]").first.check()
    one.locator(".kq-check").click()
    saved = stored(page)["q"]["a-one"]
    assert (saved["x"], saved["s"], saved["d"]) == (10, 1.2931, "2026-03-12")  # Hard: 2 days
    # a-two: wrong (Again, tomorrow), then right on the retry: Hard, in two days.
    two = page.locator('.kq-question[data-kq-id="a-two"]')
    two.locator("input:not([data-kq-correct])").first.check()
    two.locator(".kq-check").click()
    assert stored(page)["q"]["a-two"]["d"] == "2026-03-11"
    two.locator(".kq-retry").click()
    two.locator("input[data-kq-correct]").first.check()
    two.locator(".kq-check").click()
    saved = stored(page)["q"]["a-two"]
    assert (saved["s"], saved["d"], "u" in saved) == (1.2931, "2026-03-12", False)


def test_an_exported_schema_2_file_imports_and_is_exported_as_schema_4(context, course, tmp_path):
    page = open_at(context, course + "progress.html", "2026-11-29", record({}))
    page.locator("#kq-import-file").set_input_files(V2_FIXTURE)
    summary = page.locator("[data-kq-summary]")
    summary.wait_for()
    assert summary.inner_text().startswith("“progress-v2.json” holds 70 XP from 3 questions")
    page.get_by_role("button", name="Merge with my progress").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "exported.json"
    download.value.save_as(exported)
    saved = json.loads(exported.read_text(encoding="utf-8"))
    assert saved["v"] == 4 and saved["retention"] == 0.9 and saved["e"] == {}
    assert {qid: q["d"] for qid, q in saved["q"].items()} == {
        "a-one": "2026-12-02",
        "a-two": "2026-11-29",
        "b-one": "2026-11-29",
    }
    assert page.locator("[data-kq-f=due]").first.inner_text() == "2 questions"


def test_a_copy_that_pays_nothing_does_not_say_show_answer_costs_xp(context, course):
    """On Review, "Show answer (the question then earns no XP)" is only true of a copy that still
    pays: a question already paid keeps the button without the note."""
    page = open_at(context, course + "review.html", "2026-03-10", SAVED)
    page.locator("[data-kq-review-list] .kq-question").nth(2).wait_for()
    for qid, pays in (("a-one", False), ("a-two", True), ("b-one", False)):
        copy = page.locator(f'[data-kq-review-list] .kq-question[data-kq-id="{qid}"]')
        expect(copy.locator("summary")).to_be_visible()  # Show answer stays
        note = copy.locator(".kq-cost")
        expect(note).to_be_visible() if pays else expect(note).to_be_hidden()
