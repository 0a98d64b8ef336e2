"""Completion codes in Chromium: a learner pastes the code ``kq check`` printed into the
exercise's form, and the exercise is solved, pays its XP once and counts on the course map.

The course is tests/roots/test-progress-exercises (see tests/test_progress_codes.py): track 1
has a-one (10 XP), t1-double (30 XP) and t1-triple (20 XP); track 2 has t2-half (40 XP) only.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from kq.checking import completion_code
from support import sphinx_build

pytestmark = pytest.mark.browser

KEY = "keras-quest:progress"
ROOT = Path(__file__).parent / "roots" / "test-progress-exercises"
THEME_MODE = "try { localStorage.setItem('mode', '%s'); } catch (e) {}"
TODAY = date.today().isoformat()


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve_dir):
    """The base URL of a fresh build of the test course, served on 127.0.0.1."""
    src = tmp_path_factory.mktemp("codes") / "src"
    shutil.copytree(ROOT, src)
    out = src.parent / "html"
    code, _stdout, stderr = sphinx_build(src, out)
    assert code == 0, stderr
    return serve_dir(out)


def open_page(context, url: str, saved: dict | None = None, mode: str = "light"):
    context.add_init_script(THEME_MODE % mode)
    if saved is not None:
        context.add_init_script(
            "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', 1);"
            f" localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(saved))}); }}"
        )
    page = context.new_page()
    page.goto(url)
    return page


def form(page, eid: str):
    return page.locator(f'form.kq-exercise-claim[data-kq-exercise="{eid}"]')


def paste(page, eid: str, text: str) -> None:
    claim = form(page, eid)
    claim.get_by_label("Completion code from kq check").fill(text)
    claim.get_by_role("button", name="Mark solved").click()


def live(page) -> str:
    page.wait_for_function("() => document.querySelector('[data-kq-live]').textContent")
    return page.locator("[data-kq-live]").text_content()


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def badge(page) -> str:
    return page.locator("[data-kq-badge] .kq-badge__text").inner_text()


def record(**parts) -> dict:
    base = {"schema": "keras-quest-progress", "v": 4, "q": {}, "e": {}, "bonus": {}, "days": []}
    return {**base, "ach": {}, **parts}


def test_the_right_code_solves_the_exercise_once_and_it_stays_solved(
    context, site, console_errors, outside_requests
):
    page = open_page(context, site + "tracks/01-alpha.html")
    claim = form(page, "t1-double")
    assert claim.is_visible()  # hidden in the HTML, shown by the script
    assert "self-attested" in claim.inner_text()
    # As a learner might type it: lower case, without the KQ- prefix, with spaces around.
    code = completion_code("t1-double")
    paste(page, "t1-double", "  " + code.lower().removeprefix("kq-") + " ")
    assert live(page) == "+30 XP. Exercise solved."
    status = claim.get_by_role("status")
    assert status.inner_text() == f"Solved ✓ on {TODAY}"
    assert not claim.get_by_role("button").is_visible()
    assert "self-attested" in claim.inner_text()  # the note stays beside it
    assert badge(page) == "30 XP · Lv 1 — Layer Novice"
    assert stored(page)["e"] == {"t1-double": {"d": TODAY, "x": 30}}
    assert stored(page)["v"] == 4
    # The other exercise of the page still asks for its code.
    assert form(page, "t1-triple").get_by_role("button").is_visible()
    page.reload()
    assert form(page, "t1-double").get_by_role("status").inner_text() == f"Solved ✓ on {TODAY}"
    assert badge(page) == "30 XP · Lv 1 — Layer Novice"
    assert console_errors == []
    assert outside_requests == []


def test_another_exercises_code_or_a_typo_is_refused_and_nothing_changes(context, site):
    page = open_page(context, site + "tracks/01-alpha.html")
    claim = form(page, "t1-double")
    status = claim.get_by_role("status")
    paste(page, "t1-double", completion_code("t1-triple"))
    assert status.inner_text() == (
        "That code is for “Triple a number” (Track 1), not this exercise."
    )
    paste(page, "t1-double", completion_code("t2-half"))
    assert status.inner_text() == "That code is for “Halve a number” (Track 2), not this exercise."
    code = completion_code("t1-double")
    paste(page, "t1-double", code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert status.inner_text() == (
        "That is not a code kq check printed for this exercise — check for a typo."
    )
    field = claim.get_by_label("Completion code from kq check")
    assert field.get_attribute("aria-invalid") == "true"
    assert status.get_attribute("id") in field.get_attribute("aria-describedby").split()
    assert stored(page) is None  # nothing saved
    assert badge(page) == "0 XP · Lv 1 — Layer Novice"


def test_with_the_keyboard_alone_and_level_up_news(context, site):
    earned = {"first-correct": "2026-01-01", "perfect-track": "2026-01-01"}
    saved = record(
        q={"a-one": {"x": 10, "c": True, "f": True, "t": 1}}, bonus={"alpha": 50}, ach=earned
    )
    saved["e"] = {"t1-triple": {"d": "2026-01-02", "x": 20}}
    page = open_page(context, site + "tracks/01-alpha.html", saved)
    assert badge(page) == "80 XP · Lv 1 — Layer Novice"
    assert form(page, "t1-triple").get_by_role("status").inner_text() == "Solved ✓ on 2026-01-02"
    field = form(page, "t1-double").get_by_label("Completion code from kq check")
    field.focus()
    page.keyboard.type(completion_code("t1-double"))
    page.keyboard.press("Enter")
    assert live(page) == "+30 XP. Exercise solved. Level up! You reached Lv 2 — Tensor Tinkerer."
    status = form(page, "t1-double").get_by_role("status")
    assert status.evaluate("e => e === document.activeElement")  # the button it was on is gone
    assert badge(page) == "110 XP · Lv 2 — Tensor Tinkerer"
    # Pasted again after a reload: nothing asks for it, nothing pays twice.
    page.reload()
    assert badge(page) == "110 XP · Lv 2 — Tensor Tinkerer"


def test_the_course_map_counts_solved_exercises_and_mastery_waits_for_them(context, site):
    # a-one remembered for 40 days, reviewed today: Mastered, but for the exercises.
    memory = {"s": 40, "h": 5, "l": TODAY, "d": (date.today() + timedelta(days=40)).isoformat()}
    saved = record(
        q={"a-one": {"x": 10, "c": True, "f": True, "t": 1, **memory}},
        e={"t1-double": {"d": TODAY, "x": 30}},
        bonus={"alpha": 50},
    )
    page = open_page(context, site + "progress.html", saved)
    alpha = page.locator('[data-kq-track="alpha"]').first
    text = alpha.locator(".kq-cm-state").inner_text()
    assert text.splitlines() == [
        "In progress · 1/1 answered · 1/2 exercises · 90/110 XP",
        "Mastery: Proficient (solve its exercises to master it) · recall today 100%",
    ]
    beta = page.locator('[data-kq-track="beta"]').first
    assert beta.locator(".kq-cm-state").inner_text() == "Not started · 0/1 exercises · 0/40 XP"
    # The last exercise solved on its page: the track is done and Mastered.
    page.goto(site + "tracks/01-alpha.html")
    paste(page, "t1-triple", completion_code("t1-triple"))
    assert "Achievement unlocked: Mastered." in live(page)
    page.goto(site + "progress.html")
    text = page.locator('[data-kq-track="alpha"] .kq-cm-state').first.inner_text()
    assert text.splitlines() == [
        "✓ Done · 1/1 answered · 2/2 exercises · 110/110 XP",
        "Mastery: Mastered · recall today 100%",
    ]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_form_fits_a_320px_phone_in_both_modes(browser, site, mode):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = open_page(context, site + "tracks/01-alpha.html", mode=mode)
    assert page.locator("html").get_attribute("data-theme") == mode
    claim = form(page, "t1-double")
    paste(page, "t1-double", completion_code("t2-half"))  # the longest message
    for part in (claim, claim.get_by_role("status"), claim.get_by_role("textbox")):
        box = part.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    field = claim.get_by_role("textbox")
    colours = field.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert colours[0] != colours[1]
    if mode == "dark":  # the theme's dark surface, not a white box
        assert colours[1] != "rgb(255, 255, 255)"
    context.close()


def test_an_export_carries_solved_exercises_and_a_forged_import_pays_the_course_xp(
    context, site, tmp_path
):
    forged = record(
        e={"t1-double": {"d": TODAY, "x": 9999}, "t9-elsewhere": {"d": TODAY, "x": 500}}
    )
    file = tmp_path / "forged.json"
    file.write_text(json.dumps(forged), encoding="utf-8")
    page = open_page(context, site + "progress.html")
    page.once("dialog", lambda dialog: dialog.accept())
    panel = page.locator('[data-kq-panel="data"]')
    panel.locator("input[type=file]").set_input_files(str(file))
    summary = panel.locator("[data-kq-summary]")
    summary.wait_for()
    assert summary.inner_text() == (
        "“forged.json” holds 30 XP from 0 questions and 1 code exercise, counted by this "
        "course's rules. 1 code exercise this course does not have was ignored."
    )
    panel.get_by_role("button", name="Merge with my progress").click()
    assert badge(page) == "30 XP · Lv 1 — Layer Novice"
    # Merged again: still paid once.
    panel.locator("input[type=file]").set_input_files(str(file))
    panel.get_by_role("button", name="Merge with my progress").click()
    assert badge(page) == "30 XP · Lv 1 — Layer Novice"
    assert stored(page)["e"] == {"t1-double": {"d": TODAY, "x": 30}}
    with page.expect_download() as download:
        panel.get_by_role("button", name="Export progress").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert (exported["v"], exported["e"]) == (4, {"t1-double": {"d": TODAY, "x": 30}})


def claim_violations(page) -> list[str]:
    """axe violations whose nodes lie inside a claim form."""
    from axe_playwright_python.sync_playwright import Axe

    found = []
    for violation in Axe().run(page).response["violations"]:
        for node in violation["nodes"]:
            inside = page.evaluate(
                "s => !!document.querySelector(s)?.closest('.kq-exercise-claim')",
                node["target"][0],
            )
            if inside:
                found.append(f"{violation['id']}: {node['target'][0]}")
    return found


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_violation_in_the_claim_form(context, site, mode):
    page = open_page(context, site + "tracks/01-alpha.html", mode=mode)
    paste(page, "t1-double", "KQ-NOPE-NOPE")  # refused: a message, the input marked invalid
    paste(page, "t1-triple", completion_code("t1-triple"))  # solved
    assert claim_violations(page) == []
    # The scan does look inside the form: an input without a label is found.
    form(page, "t1-double").evaluate("f => f.append(document.createElement('input'))")
    assert any(found.startswith("label:") for found in claim_violations(page))
