"""The landing page's first screen in Chromium: one primary button inside the first viewport, at
360x640 and 1280x720, for a first-time visitor ("Start Track 1") and for a returning learner (their
level line and "Continue Track N", the track the course map continues); without JavaScript, the
Track 1 button. The whole course (docs/index.md), seeded as the other progress tests seed storage.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

KEY = "keras-quest:progress"
VIEWPORTS = [(360, 640), (1280, 720)]


def record(q: dict, **extra) -> dict:
    base = {"schema": "keras-quest-progress", "v": 1, "q": q, "bonus": {}, "days": [], "ach": {}}
    return {**base, **extra}


def open_with(context, url: str, saved: dict | None = None):
    """A page at ``url`` whose storage holds ``saved`` (and a colour mode) before it loads."""
    items = {"mode": "light"}
    if saved is not None:
        items[KEY] = json.dumps(saved)
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', 1);"
        f" for (const [k, v] of Object.entries({json.dumps(items)}))"
        " localStorage.setItem(k, v); }"
    )
    page = context.new_page()
    page.goto(url)
    return page


def in_viewport(page, locator, target: bool = False) -> None:
    box = locator.bounding_box()
    view = page.viewport_size
    assert box is not None
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= view["width"], (box, view)
    assert box["y"] + box["height"] <= view["height"], (box, view)
    if target:  # a touch target
        assert box["height"] >= 44 and box["width"] >= 44, box


def course_data(outdir) -> dict:
    course = next((outdir / "_static").glob("kq-course.*.js")).read_text(encoding="utf-8")
    return json.loads(course[len("window.KQProgressCourse = ") : -2])


@pytest.mark.parametrize(("width", "height"), VIEWPORTS, ids=["360x640", "1280x720"])
def test_a_first_time_visitor_sees_the_course_and_one_button_to_track_1(
    whole_course, browser, width, height
):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = open_with(context, whole_course.url + "index.html")
    start = page.locator("[data-kq-start]")
    pitch = start.locator("[data-kq-start-pitch]")
    assert pitch.is_visible() and "Keras 3" in pitch.inner_text()
    in_viewport(page, pitch)
    button = start.locator("a.kq-start__btn")
    assert button.count() == 1
    assert button.inner_text().startswith("Start Track 1: ")
    assert button.get_attribute("href") == "tracks/01-why-keras.html"
    in_viewport(page, button, target=True)
    assert not start.locator("[data-kq-start-level]").is_visible()
    context.close()


@pytest.mark.parametrize(("width", "height"), VIEWPORTS, ids=["360x640", "1280x720"])
def test_a_returning_learner_sees_their_level_and_continue(whole_course, browser, width, height):
    data = course_data(whole_course.outdir)
    tracks = data["tracks"]
    # Track 1 answered in full (and its bonus), then one question of Track 2, answered last.
    answers = {
        q["id"]: {"x": q["xp"], "c": True, "f": True, "t": 1} for q in tracks[0]["questions"]
    }
    answers[tracks[1]["questions"][0]["id"]] = {"x": 10, "c": True, "f": True, "t": 2}
    xp = sum(a["x"] for a in answers.values()) + 50
    saved = record(answers, bonus={tracks[0]["slug"]: 50})
    context = browser.new_context(viewport={"width": width, "height": height})
    page = open_with(context, whole_course.url + "index.html", saved)
    start = page.locator("[data-kq-start]")
    level = start.locator("[data-kq-start-level]")
    level.wait_for()
    reached = [i for i, step in enumerate(data["levels"]) if xp >= step["xp"]][-1]
    assert level.inner_text() == f"{xp} XP · Lv {reached + 1} — {data['levels'][reached]['name']}"
    assert not start.locator("[data-kq-start-pitch]").is_visible()
    button = start.locator("a.kq-start__btn")
    assert button.inner_text() == f"Continue {tracks[1]['title']}"
    assert button.get_attribute("href").endswith("tracks/02-backends.html")
    in_viewport(page, level)
    in_viewport(page, button, target=True)
    # The map's own "continue" agrees.
    cont = page.locator("[data-kq-continue] a")
    assert cont.inner_text() == tracks[1]["title"]
    context.close()


def test_without_javascript_the_track_1_button_is_on_the_first_screen(whole_course, browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(whole_course.url + "index.html")
    button = page.locator("[data-kq-start] a.kq-start__btn")
    assert button.inner_text().startswith("Start Track 1: ")
    in_viewport(page, button, target=True)
    assert not page.locator("[data-kq-start-level]").is_visible()
    context.close()


@pytest.mark.parametrize("name", ["review.html", "progress.html"])
def test_the_panels_drawn_by_the_script_do_not_push_the_page_down(whole_course, browser, name):
    """The dashboard and Review panels are empty until the script draws them; the text below
    must not jump when they appear (Lighthouse scored Review 89 and My progress 78 on mobile for
    layout shifts of 0.22 and 0.55). Without scripts they take no room."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.add_init_script(
        "window.kqShift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
        " if (!e.hadRecentInput) window.kqShift += e.value; })"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(whole_course.url + name)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    assert page.evaluate("window.kqShift") < 0.1
    context.close()
    context = browser.new_context(viewport={"width": 412, "height": 823}, java_script_enabled=False)
    page = context.new_page()
    page.goto(whole_course.url + name)
    kept = page.eval_on_selector_all(
        "[data-kq-panel]", "els => els.map(e => getComputedStyle(e).minHeight)"
    )
    assert kept and set(kept) == {"0px"}, kept  # no room kept for what no script will draw
    context.close()
