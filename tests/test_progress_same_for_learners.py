"""What a learner stores and sees is the same as before the progress script was rebuilt (issue 25).

One scripted learner plays the small test course in Chromium with a fixed clock and a seeded
random: answers right and wrong, a reveal, the daily goal, the Review page on a later day, the
final test, Test yourself, export, reset, import and damaged storage. After every step the test
records everything in localStorage and the visible text of the header badge and the page's
article. tests/fixtures/progress-learner-trace.json holds that record as the old script
(progress-core.js + progress.js, terser-built) produced it; the current bundle must give the
same, byte for byte. Recorded again on purpose for issue 26 (FSRS review): schema 3 memories
instead of Leitner boxes, fewer reviews due on the fourth day, the Review page's retention
setting and forecast, recall today on the map and My progress, and no track Mastered within
the trace's twelve days. Recorded again for issue 24 (code exercises): every stored, set-aside
and exported record is schema 4 with an empty "e" (no exercise solved); nothing else moved.

To record it again on purpose (a change learners should see), run this module with
KQ_RECORD_TRACE=1 and review the diff of the fixture.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from progress_helpers import serve_copy

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "progress-learner-trace.json"
KEY = "keras-quest:progress"
# A fixed random (mulberry32) so the final test draws the same questions every run.
SEEDED_RANDOM = """
(() => {
  let a = 20260302;
  Math.random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try { localStorage.setItem('mode', 'light'); } catch (e) {}
})();
"""


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00").replace(tzinfo=UTC)


class Learner:
    """Plays the course and records what is stored and shown after each step."""

    def __init__(self, context, base: str):
        self.context, self.base, self.trace = context, base, []
        self.page = context.new_page()
        self.page.on("dialog", lambda dialog: dialog.accept())

    def clock(self, day: str, hour: int = 10) -> None:
        self.page.clock.set_fixed_time(at(day, hour))

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")

    def question(self, qid: str, scope: str = ""):
        return self.page.locator(f'{scope} .kq-question[data-kq-id="{qid}"]'.strip())

    def answer(self, qid: str, right: bool, scope: str = "") -> None:
        question = self.question(qid, scope)
        retry = question.locator(".kq-retry")
        if retry.is_visible():
            retry.click()
        option = "input[data-kq-correct]" if right else "input:not([data-kq-correct])"
        question.locator(option).first.check()
        question.locator(".kq-check").click()

    def record(self, step: str) -> None:
        self.page.wait_for_timeout(120)  # the live region fills after 50 ms
        storage = self.page.evaluate(
            "() => Object.fromEntries(Object.keys(localStorage).sort()"
            ".filter((k) => k !== 'mode').map((k) => [k, localStorage.getItem(k)]))"
        )
        shown = self.page.evaluate(
            """() => ({
              badge: [...document.querySelectorAll('[data-kq-badge]')].map((b) => b.innerText),
              article: (document.querySelector('.bd-article') || document.body).innerText,
              live: [...document.querySelectorAll('.kq-vh[aria-live]')].map((e) => e.textContent),
            })"""
        )
        self.trace.append({"step": step, "storage": storage, **shown})


def play(learner: Learner, tmp_path: Path) -> None:
    page = learner.page
    learner.clock("2026-03-02")  # a Monday
    learner.go("index.html")
    learner.record("fresh course map")

    learner.go("tracks/01-alpha.html")
    learner.answer("a-one", right=True)
    learner.answer("a-two", right=False)
    learner.answer("a-two", right=True)
    learner.record("track 1: right, wrong then right")

    learner.go("review.html")
    goal = page.locator("[data-kq-goal]").first
    goal.fill("2")
    goal.dispatch_event("change")
    learner.record("daily goal set to 2")

    learner.go("tracks/02-beta/part2.html")
    learner.answer("b-one", right=False)
    learner.question("b-one").locator(".kq-answer summary").first.click()
    learner.record("track 2: wrong with a misconception, then revealed")

    learner.go("extra.html")
    learner.answer("x-one", right=True)
    learner.record("a question outside the tracks")

    learner.clock("2026-03-04")
    learner.go("review.html")
    page.locator("[data-kq-review-list] .kq-question").first.wait_for()
    learner.record("review page two days later")
    for qid in page.locator("[data-kq-review-list] .kq-question").evaluate_all(
        "qs => qs.map(q => q.dataset.kqId)"
    ):
        learner.answer(qid, right=qid != "a-two", scope="[data-kq-review-list]")
    learner.record("review answered, one wrong")

    learner.go("index.html")
    learner.record("course map after the review")

    learner.clock("2026-03-12")
    learner.go("progress.html")
    learner.record("dashboard a week later, reviews overdue")

    learner.go("final.html")
    page.get_by_role("button", name="Start the final test").click()
    page.locator("[data-kq-final-list] .kq-question").nth(2).wait_for()
    ids = page.locator("[data-kq-final-list] .kq-question").evaluate_all(
        "qs => qs.map(q => q.dataset.kqId)"
    )
    for qid in ids[:-1]:
        learner.question(qid, "[data-kq-final-list]").locator(
            "input[data-kq-correct]"
        ).first.check()
    page.get_by_role("button", name="Finish test").click()
    learner.record("final test, the last question left blank")

    learner.go("tracks/01-alpha.html")
    page.get_by_role("button", name="Test yourself").first.click()
    learner.question("a-two").locator("input[data-kq-correct]").first.check()
    page.get_by_role("button", name="Finish test").click()
    learner.record("test yourself on track 1")

    learner.clock("2026-03-13", hour=9)
    learner.go("progress.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export").click()
    exported = tmp_path / "exported.json"
    download.value.save_as(exported)
    learner.record("exported")
    learner.trace[-1]["exported"] = exported.read_text(encoding="utf-8")

    learner.clock("2026-03-13", hour=11)
    page.get_by_role("button", name="Reset").click()
    learner.record("reset")

    page.locator('[data-kq-panel="data"] input[type=file]').set_input_files(exported)
    page.get_by_role("button", name="Merge").click()
    learner.record("exported file merged back")

    learner.clock("2026-03-13", hour=12)
    page.evaluate(
        "([k]) => { const o = JSON.parse(localStorage.getItem(k));"
        " o.q['a-one'].x = 'lots'; localStorage.setItem(k, JSON.stringify(o)); }",
        [KEY],
    )
    learner.go("index.html")
    learner.record("damaged record: readable part kept, copy set aside")
    learner.go("progress.html")
    learner.record("dashboard lists the set-aside copies")


@pytest.fixture(scope="module")
def course(tmp_path_factory, serve_dir):
    return serve_copy(tmp_path_factory, serve_dir, "same")[0]


def test_a_scripted_learner_stores_and_sees_what_the_old_script_gave(browser, course, tmp_path):
    context = browser.new_context(timezone_id="UTC", locale="en-US")
    context.add_init_script(SEEDED_RANDOM)
    learner = Learner(context, course)
    try:
        play(learner, tmp_path)
    finally:
        context.close()
    if os.environ.get("KQ_RECORD_TRACE"):
        FIXTURE.parent.mkdir(exist_ok=True)
        FIXTURE.write_text(json.dumps(learner.trace, indent=1, ensure_ascii=False) + "\n")
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert [step["step"] for step in learner.trace] == [step["step"] for step in expected]
    for got, want in zip(learner.trace, expected, strict=True):
        assert got == want, got["step"]
