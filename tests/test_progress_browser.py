"""Learner progress in Chromium: XP and levels, persistence, export/import/reset, two tabs, broken
or blocked storage, review, and no request leaving the site.

Most tests use the small course in tests/roots/test-progress (questions a-one 10 XP and a-two
20 XP in track 1, b-one 15 XP in track 2 (a folder track), x-one 10 XP outside tracks; track
bonus 50), built once and served on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from progress_helpers import serve_copy

pytestmark = pytest.mark.browser

KEY = "keras-quest:progress"
# pydata-sphinx-theme logs a console error when no colour mode is stored; give it one.
THEME_MODE = "try { localStorage.setItem('mode', 'light'); } catch (e) {}"


@pytest.fixture(scope="module")
def course(tmp_path_factory, serve_dir):
    """(base URL, output folder) of the test course."""
    return serve_copy(tmp_path_factory, serve_dir, "browser")


@pytest.fixture
def learner(page, course):
    page.add_init_script(THEME_MODE)
    return page


def badge(page) -> str:
    return page.locator("[data-kq-badge] .kq-badge__text").inner_text()


def stored(page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return raw and json.loads(raw)


def answer(page, qid: str, right: bool = True) -> None:
    question = page.locator(f'.kq-question[data-kq-id="{qid}"]')
    retry = question.locator(".kq-retry")
    if retry.is_visible():
        retry.click()
    option = "input[data-kq-correct]" if right else "input:not([data-kq-correct])"
    question.locator(option).first.check()
    question.locator(".kq-check").click()


def seed(page, url: str, state: dict) -> None:
    """Open ``url`` with ``state`` as the stored progress."""
    page.goto(url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(state)])
    page.reload()


def state(q: dict | None = None, **extra) -> dict:
    base = {
        "schema": "keras-quest-progress",
        "v": 1,
        "q": q or {},
        "bonus": {},
        "days": [],
        "ach": {},
    }
    return {**base, **extra}


def test_answers_earn_xp_the_badge_follows_and_a_reload_keeps_it(
    learner, course, console_errors, outside_requests
):
    url, _ = course
    page = learner
    page.goto(url + "tracks/01-alpha.html")
    assert badge(page) == "0 XP · Lv 1 — Layer Novice"
    answer(page, "a-one")
    assert badge(page) == "10 XP · Lv 1 — Layer Novice"
    # The badge reads as text, with the way to the next level for screen readers.
    assert page.locator("[data-kq-badge] [data-kq-next]").inner_text() == ", 90 XP to Lv 2"
    answer(page, "a-two", right=False)
    answer(page, "a-two")  # second attempt: half of 20, plus the track bonus
    assert badge(page) == "70 XP · Lv 1 — Layer Novice"
    page.reload()
    assert badge(page) == "70 XP · Lv 1 — Layer Novice"
    # Answering again never pays twice, not even after a reload.
    answer(page, "a-one")
    assert badge(page) == "70 XP · Lv 1 — Layer Novice"
    assert set(stored(page)["q"]) == {"a-one", "a-two"}
    assert console_errors == []
    assert outside_requests == []


def test_level_up_is_announced_with_a_celebration(learner, course, console_errors):
    url, _ = course
    page = learner
    earned = {"first-correct": "2026-01-01"}
    seed(
        page, url + "tracks/02-beta/part2.html", state({"a-one": {"x": 90, "c": True}}, ach=earned)
    )
    assert badge(page) == "90 XP · Lv 1 — Layer Novice"
    answer(page, "b-one")
    live = page.locator("[data-kq-live]")
    expected = (
        "+65 XP, track bonus included. Level up! You reached Lv 2 — Tensor Tinkerer. "
        "Achievement unlocked: Flawless."  # track 2's only question, right first time
    )
    page.wait_for_function("() => document.querySelector('[data-kq-live]').textContent")
    assert live.text_content() == expected
    assert live.get_attribute("aria-live") == "polite"
    assert badge(page) == "155 XP · Lv 2 — Tensor Tinkerer"
    celebrating = page.locator("[data-kq-badge].kq-levelup")
    assert celebrating.count() == 1
    assert celebrating.evaluate("b => getComputedStyle(b).animationName") == "kq-pulse"
    assert console_errors == []


def test_celebration_respects_reduced_motion(browser, course):
    url, _ = course
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.add_init_script(THEME_MODE)
    seed(page, url + "tracks/02-beta/part2.html", state({"a-one": {"x": 90, "c": True}}))
    answer(page, "b-one")
    celebrating = page.locator("[data-kq-badge].kq-levelup")
    celebrating.wait_for()
    assert celebrating.evaluate("b => getComputedStyle(b).animationName") == "none"
    context.close()


def test_course_map_and_progress_page_show_the_learners_numbers(learner, course):
    url, _ = course
    page = learner
    page.goto(url + "tracks/01-alpha.html")
    answer(page, "a-one")
    page.goto(url + "index.html")
    statuses = page.locator(".kq-course-map [data-kq-track]")
    states = page.locator(".kq-course-map .kq-cm-state")
    assert states.nth(0).inner_text() == (
        "In progress · 1/2 answered · 10/80 XP\nMastery: Attempted · recall today 100%"
    )
    assert states.nth(1).inner_text() == "Not started · 0/1 answered · 0/65 XP"
    assert not statuses.nth(2).is_visible()  # no quiz yet: nothing to count
    # The card to continue with links there; the others do not.
    assert page.locator(".kq-cm--next .kq-cm-go").get_attribute("aria-label") == (
        "Continue Track 1: Alpha"
    )
    assert page.locator(".kq-cm-go").count() == 1
    cont = page.locator(".kq-course-map [data-kq-continue]")
    assert cont.inner_text() == "Continue where you left off: Track 1: Alpha"
    cont.locator("a").click()
    page.wait_for_url(re.compile(r"tracks/01-alpha\.html$"))
    page.goto(url + "progress.html")
    assert not page.locator(".kq-nojs").first.is_visible()
    dash = page.locator(".kq-dash")
    assert dash.locator("[data-kq-f=level]").inner_text() == "Lv 1 — Layer Novice"
    assert dash.locator("[data-kq-f=xp]").inner_text() == "10 XP · 90 XP to Lv 2"
    assert dash.locator("[data-kq-m=level]").evaluate("e => [e.value, e.max]") == [0.1, 1]
    # One question learned today, against the default goal of 5: no streak day yet.
    assert dash.locator("[data-kq-f=today]").inner_text() == "1 of 5"
    assert dash.locator("[data-kq-f=streak]").inner_text() == "0 days"
    assert dash.locator("[data-kq-f=mastered]").inner_text() == "0 of 2"
    first = page.locator('[data-kq-panel="achievements"] li').first
    assert first.inner_text().endswith(f"✓ Earned {date.today().isoformat()}")
    assert "kq-earned" in first.get_attribute("class")


def test_export_reset_import_restores_exactly(learner, course, tmp_path, console_errors):
    url, _ = course
    page = learner
    page.goto(url + "tracks/01-alpha.html")
    answer(page, "a-one")
    answer(page, "a-two", right=False)
    page.goto(url + "tracks/02-beta/part2.html")
    answer(page, "b-one")
    before = stored(page)
    assert badge(page) == "75 XP · Lv 1 — Layer Novice"

    page.goto(url + "progress.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name == f"keras-quest-progress-{date.today().isoformat()}.json"
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert {k: v for k, v in data.items() if k != "exported"} == before

    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    page.get_by_role("button", name="Reset progress…").click()
    assert dialogs and dialogs[-1].startswith("Reset all your progress?")
    assert badge(page) == "0 XP · Lv 1 — Layer Novice"
    assert stored(page)["q"] == {}

    page.locator("#kq-import-file").set_input_files(exported)
    summary = page.locator("[data-kq-summary]")
    summary.wait_for()
    assert summary.inner_text() == (
        f"“{exported.name}” holds 75 XP from 3 questions, counted by this course's rules."
    )
    page.get_by_role("button", name="Replace my progress").click()
    assert stored(page) == before
    assert badge(page) == "75 XP · Lv 1 — Layer Novice"
    assert page.locator("[data-kq-status]").inner_text() == "Done: you now have 75 XP."
    assert console_errors == []


def test_reset_asks_first_and_declining_changes_nothing(learner, course):
    url, _ = course
    page = learner
    seed(page, url + "progress.html", state({"a-one": {"x": 10, "c": True}}))
    page.on("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Reset progress…").click()
    assert stored(page)["q"] == {"a-one": {"x": 10, "c": True}}
    assert page.locator("[data-kq-status]").inner_text() == "Nothing was changed."


def test_import_merge_never_counts_twice(learner, course, tmp_path):
    url, _ = course
    page = learner
    mine = state({"a-one": {"x": 10, "c": True, "f": True, "t": 5}}, days=["2026-01-01"])
    theirs = state(
        {
            "a-one": {"x": 5, "c": True, "w": 1, "t": 9},
            "b-one": {"x": 15, "c": True, "f": True, "t": 9},
        },
        bonus={"beta": 50},
        days=["2026-01-02"],
    )
    seed(page, url + "progress.html", mine)
    file = tmp_path / "other-device.json"
    file.write_text(json.dumps(theirs), encoding="utf-8")
    page.locator("#kq-import-file").set_input_files(file)
    page.get_by_role("button", name="Merge with my progress").click()
    assert badge(page) == "75 XP · Lv 1 — Layer Novice"  # 10 (larger award) + 15 + 50
    assert stored(page)["days"] == ["2026-01-01", "2026-01-02"]
    # Merging the same file again changes nothing.
    page.locator("#kq-import-file").set_input_files(file)
    page.get_by_role("button", name="Merge with my progress").click()
    assert badge(page) == "75 XP · Lv 1 — Layer Novice"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "This is not a Keras Quest progress file."),
        ('{"hello": "world"}', "This is not a Keras Quest progress file."),
        (
            json.dumps(state(v=7)),
            "from a newer version of Keras Quest (schema 7).",
        ),
        (json.dumps(state(v="1")), "The progress data has no valid version."),
    ],
)
def test_a_wrong_file_is_refused_with_a_message_and_nothing_changes(
    learner, course, tmp_path, content, message
):
    url, _ = course
    page = learner
    mine = state({"a-one": {"x": 10, "c": True}})
    seed(page, url + "progress.html", mine)
    file = tmp_path / "upload.json"
    file.write_text(content, encoding="utf-8")
    page.locator("#kq-import-file").set_input_files(file)
    status = page.locator("[data-kq-status]")
    page.wait_for_function("() => document.querySelector('[data-kq-status]').textContent")
    assert message in status.inner_text()
    assert status.inner_text().endswith("Nothing was changed.")
    assert not page.locator("[data-kq-choice]").is_visible()
    assert stored(page) == mine


def test_two_tabs_stay_consistent_and_cannot_double_award(context, course):
    url, _ = course
    context.add_init_script(THEME_MODE)
    one, two = context.new_page(), context.new_page()
    one.goto(url + "tracks/01-alpha.html")
    two.goto(url + "tracks/01-alpha.html")
    # The tab a learner acts in is the one in front: a background tab's timers are throttled,
    # which costs seconds per action and tests nothing a learner sees.
    one.bring_to_front()
    answer(one, "a-one")
    # The other tab hears about it through the storage event, without a reload.
    two.bring_to_front()
    two.wait_for_function(
        "() => document.querySelector('.kq-badge__text').textContent.startsWith('10 XP')"
    )
    answer(two, "a-one")
    assert badge(two) == "10 XP · Lv 1 — Layer Novice"
    answer(two, "a-two")
    one.bring_to_front()
    one.wait_for_function(
        "() => document.querySelector('.kq-badge__text').textContent.startsWith('80 XP')"
    )
    answer(one, "a-two")
    assert badge(one) == badge(two) == "80 XP · Lv 1 — Layer Novice"
    assert stored(one)["bonus"] == {"alpha": 50}


def test_corrupt_storage_is_set_aside_with_a_message(learner, course, console_errors):
    url, _ = course
    page = learner
    page.goto(url + "tracks/01-alpha.html")
    page.evaluate('k => localStorage.setItem(k, \'{"schema": "keras-quest-progress", oops\')', KEY)
    page.reload()
    notice = page.locator("[data-kq-damaged]")
    assert "Your saved progress could not be read" in notice.inner_text()
    backups = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{KEY}:backup:'))")
    assert len(backups) == 1 and backups[0].endswith(":unreadable")
    assert page.evaluate("k => localStorage.getItem(k)", backups[0]).endswith("oops")
    assert notice.get_by_role("link").get_attribute("href") == url + "progress.html"
    assert badge(page) == "0 XP · Lv 1 — Layer Novice"
    answer(page, "a-one")  # a fresh start that saves again
    assert stored(page)["q"]["a-one"]["x"] == 10
    # The notice stays, on every page, until the learner dismisses it.
    page.goto(url + "index.html")
    notice.get_by_role("button", name="Dismiss").click()
    assert notice.count() == 0
    page.reload()
    assert page.locator("[data-kq-damaged]").count() == 0
    assert console_errors == []


def test_blocked_storage_works_in_memory_with_a_notice(page, course, console_errors):
    url, _ = course
    # As in some private modes: merely touching localStorage throws.
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('The operation is insecure.', 'SecurityError'); }});"
    )
    page.goto(url + "tracks/01-alpha.html")
    answer(page, "a-one")
    assert badge(page) == "10 XP · Lv 1 — Layer Novice"
    notice = page.locator(".kq-notice")
    assert "does not let the course save progress" in notice.inner_text()
    assert notice.get_attribute("role") == "status"
    ours = [e for e in console_errors if "progress" in e or "KQ" in e]
    assert ours == []


def test_full_storage_keeps_the_visit_in_memory(learner, course):
    url, _ = course
    page = learner
    page.goto(url + "tracks/01-alpha.html")
    page.evaluate(
        "() => { Storage.prototype.setItem = () => {"
        " throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    answer(page, "a-one")
    answer(page, "a-two")
    assert badge(page) == "80 XP · Lv 1 — Layer Novice"
    assert "does not let the course save progress" in page.locator(".kq-notice").inner_text()


def yesterday() -> str:
    return (date.today() - timedelta(days=1)).isoformat()


def test_review_copies_due_questions_and_never_pays_twice(learner, course, outside_requests):
    url, _ = course
    page = learner
    missed = state(
        {
            "a-two": {"x": 10, "c": True, "w": 1, "b": 1, "d": yesterday()},
            "b-one": {"w": 2, "b": 1, "d": yesterday()},
            "x-one": {"x": 10, "c": True, "f": True},
        }
    )
    seed(page, url + "review.html", missed)
    items = page.locator("[data-kq-review-list] .kq-question")
    items.nth(1).wait_for()
    assert [items.nth(i).get_attribute("data-kq-id") for i in range(2)] == ["a-two", "b-one"]
    assert page.locator("[data-kq-f=due]").first.inner_text() == "2 questions"
    answer(page, "a-two")
    assert badge(page) == "20 XP · Lv 1 — Layer Novice"  # already paid: nothing more
    # Reviewed today: Good, after an Again two days ago (a box-1 question of schema 1, migrated).
    reviewed = stored(page)["q"]["a-two"]
    assert (reviewed["l"], reviewed["s"]) == (date.today().isoformat(), 2.4329485)
    answer(page, "b-one")  # never right before: half its XP now (7), once, plus the track bonus
    assert badge(page) == "77 XP · Lv 1 — Layer Novice"
    assert page.locator("[data-kq-f=due]").first.inner_text() == "0 questions"
    assert (
        "on " + (date.today() + timedelta(days=3)).isoformat()
        in page.locator("[data-kq-f=next]").first.inner_text()
    )
    assert outside_requests == []


def test_review_from_files_explains_and_links_each_question(page, course):
    _url, out = course
    page.add_init_script(THEME_MODE)
    # For file:// pages Chromium may drop a localStorage write made just before a reload, so the
    # stored progress goes in before the page's own scripts run, on a single visit.
    saved = json.dumps(state({"b-one": {"w": 1, "b": 1, "d": yesterday()}}))
    page.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(saved)});")
    page.goto((out / "review.html").as_uri())
    notice = page.locator("[data-kq-file]")
    notice.wait_for()
    assert "opened from files on your computer" in notice.inner_text()
    assert page.locator(".kq-review__from").inner_text().startswith("From Track 2: Beta · pays")
    link = page.locator("[data-kq-review-list] .kq-review__item a")
    assert link.inner_text() == "Track 2: Beta"
    assert link.get_attribute("href").endswith("tracks/02-beta/part2.html")


@pytest.mark.slow
def test_the_real_course_awards_xp_on_track_1(whole_course, page, console_errors, outside_requests):
    page.add_init_script(THEME_MODE)
    page.goto(whole_course.url + "tracks/01-why-keras.html")
    assert badge(page) == "0 XP · Lv 1 — Layer Novice"
    answer(page, "t1-first-release")
    assert badge(page) == "10 XP · Lv 1 — Layer Novice"
    page.goto(whole_course.url + "index.html")
    assert "· 1/" in page.locator('[data-kq-track="why-keras"]').inner_text()
    assert console_errors == []
    assert outside_requests == []
