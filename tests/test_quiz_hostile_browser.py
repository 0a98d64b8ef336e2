"""Hostile quiz pages in Chromium (issue #30): nothing an author slips into a quiz runs.

The pages of tests/roots/test-quiz-hostile become tracks of a copy of the small progress course
(tests/roots/test-progress), built WITHOUT -W as ``make livehtml`` builds a pull request for
its reviewer. Each page is loaded, its "Test yourself" started, and the Review page and the
Final test, which copy questions from their pages into themselves, are opened with every
hostile question due. Any dialog (every payload calls ``alert``), any change of the title
(payloads set it), any request leaving 127.0.0.1, and any link in the live page whose address
is not a web, mail or site address fails the test.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from progress_helpers import copy_root

from support import sphinx_build

pytestmark = pytest.mark.browser

HOSTILE = Path(__file__).parent / "roots" / "test-quiz-hostile"
KEY = "keras-quest:progress"
THEME_MODE = "try { localStorage.setItem('mode', 'light'); } catch (e) {}"
#: hostile page -> its name as a track of the progress course
TRACKS = {
    "refused": "04-refused",
    "intro": "05-intro",
    "parts": "06-parts",
    "valid": "07-valid",
    "reviewed": "08-reviewed",
    "included": "09-included",
}
CONF = """
extensions.append("extensions.mathml")
html_math_renderer = "mathml"
myst_enable_extensions = [
    "colon_fence", "deflist", "tasklist", "substitution", "dollarmath", "attrs_inline",
    "attrs_block",
]
exclude_patterns += ["tracks/snippets"]
suppress_warnings += ["toc.not_included"]
"""
#: What the live page must not hold: links that run or embed, frames, handlers anywhere.
LIVE_CHECK = """() => {
  const bad = [];
  for (const a of document.querySelectorAll('[href], [src], [action], [formaction]')) {
    for (const attr of ['href', 'src', 'action', 'formaction']) {
      const value = a.getAttribute(attr);
      if (value === null) continue;
      let protocol;
      try { protocol = new URL(value, location.href).protocol; } catch (e) { continue; }
      if (!['http:', 'https:', 'mailto:', 'file:'].includes(protocol)) bad.push(`${attr}=${value}`);
    }
  }
  for (const e of document.querySelectorAll('iframe, object, embed, frame')) bad.push(e.tagName);
  // The theme's own buttons carry handlers; an author's content is the article.
  for (const e of document.querySelectorAll('article *')) {
    for (const attr of e.getAttributeNames()) {
      if (attr.startsWith('on')) bad.push(`${e.tagName} ${attr}`);
    }
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def hostile_course(tmp_path_factory, serve_dir):
    files = {}
    for page, track in TRACKS.items():
        text = (HOSTILE / f"{page}.md").read_text(encoding="utf-8")
        files[f"tracks/{track}.md"] = text
    for snippet in (HOSTILE / "snippets").iterdir():
        files[f"tracks/snippets/{snippet.name}"] = snippet.read_text(encoding="utf-8")
    src = copy_root(tmp_path_factory.mktemp("hostile-course") / "src", CONF, files)
    index = (src / "index.md").read_text(encoding="utf-8")
    listed = "".join(f"tracks/{track}\n" for track in TRACKS.values())
    (src / "index.md").write_text(
        index.replace("tracks/03-gamma\n", f"tracks/03-gamma\n{listed}"), encoding="utf-8"
    )
    out = src.parent / "html"
    code, _stdout, stderr = sphinx_build(src, out)  # no -W: what a live preview builds
    assert code == 0, stderr
    assert "[quiz.raw-html]" in stderr  # the hostile parts were there, and reported
    ids = sorted(
        {
            qid
            for track in TRACKS.values()
            for qid in re.findall(
                r'class="kq-question" data-kq-id="([^"]+)"',
                (out / "tracks" / f"{track}.html").read_text(encoding="utf-8"),
            )
        }
    )
    return serve_dir(out), ids


class Watch:
    """What a page did that it must not: dialogs, requests leaving the site."""

    def __init__(self, page):
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request):
        url = request.url
        if not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            self.requests.append(url)

    def check(self, page, where: str) -> None:
        page.wait_for_timeout(300)  # an onerror / onload would have fired by now
        assert self.dialogs == [], f"{where}: a script ran ({self.dialogs})"
        assert self.requests == [], f"{where}: requests left the site ({self.requests})"
        assert page.title() != "PWNED", f"{where}: a script ran (the title changed)"
        assert page.evaluate(LIVE_CHECK) == [], where


def open_page(context, url: str, saved: dict | None = None):
    context.add_init_script(THEME_MODE)
    if saved is not None:
        context.add_init_script(
            "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', 1);"
            f" localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(saved))}); }}"
        )
    page = context.new_page()
    watch = Watch(page)
    page.goto(url)
    return page, watch


def record(q=None) -> dict:
    base = {"schema": "keras-quest-progress", "v": 2, "q": q or {}, "bonus": {}, "days": []}
    return {**base, "ach": {}, "goal": 5, "log": {}}


def test_the_build_publishes_the_valid_hostile_questions(hostile_course):
    _url, ids = hostile_course
    # Questions that pass carry hostile content (links, substitutions, entities, attributes);
    # they must reach Review and the Final test, or those pages would test nothing.
    assert {"h-intro-ok", "h-links", "h-typed"} <= set(ids), ids


@pytest.mark.parametrize("track", sorted(TRACKS.values()))
def test_a_hostile_page_runs_nothing_even_in_test_yourself(context, hostile_course, track):
    url, _ids = hostile_course
    page, watch = open_page(context, url + f"tracks/{track}.html")
    page.wait_for_load_state("load")
    watch.check(page, track)
    start = page.get_by_role("button", name="Test yourself")
    if page.locator(".kq-question").count():
        page.wait_for_function("window.KQuiz !== undefined")
        start.first.click()
        watch.check(page, f"{track}, Test yourself")
        page.get_by_role("button", name="Finish test").click()
        watch.check(page, f"{track}, after the test")


def test_review_copies_the_hostile_questions_and_runs_nothing(context, hostile_course):
    url, ids = hostile_course
    due = (date.today() - timedelta(days=1)).isoformat()
    saved = record({qid: {"w": 1, "b": 1, "d": due} for qid in ids})
    page, watch = open_page(context, url + "review.html", saved)
    copies = page.locator("[data-kq-review-list] .kq-question")
    copies.nth(len(ids) - 1).wait_for()
    assert sorted(copies.evaluate_all("qs => qs.map(q => q.dataset.kqId)")) == ids
    watch.check(page, "Review")


def test_the_final_test_copies_the_hostile_questions_and_runs_nothing(context, hostile_course):
    url, ids = hostile_course
    page, watch = open_page(context, url + "final.html", record())
    page.get_by_role("button", name="Start the final test").click()
    copies = page.locator("[data-kq-final-list] .kq-question")
    copies.first.wait_for()
    shown = set(copies.evaluate_all("qs => qs.map(q => q.dataset.kqId)"))
    assert shown & set(ids) >= {"h-intro-ok", "h-links", "h-typed"} & shown
    assert {"h-links"} <= shown or len(shown) >= 20
    watch.check(page, "Final test")
    page.get_by_role("button", name="Finish test").click()
    watch.check(page, "Final test, finished")
