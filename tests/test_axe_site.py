"""axe on every page of the built course: light and dark, desktop and a 360 px phone.

Each view scans every page, each in one page load and one axe run. Nearly all of axe's time goes
to one rule, color-contrast, working out every text's background inside the page (about 90% of
a run, by axe's own ``performanceTimer``), so the scan keeps two pages going at once: two
browser contexts, so two renderer processes, each loading a page and running axe while the other
works. The order of the report and what each page is checked for are as with one page at a time;
``test_a_seeded_violation_is_reported_on_its_page_only`` checks that a finding stays with its page.

Violations inside the quiz and progress widgets are the quiz and progress extensions' to fix;
they are reported here like any other.
"""

from __future__ import annotations

import json
from collections import deque

import pytest
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS, Axe

pytestmark = pytest.mark.browser

VIEWS = [
    ("light", 1280, 800),
    ("dark", 1280, 800),
    ("light", 360, 740),
    ("dark", 360, 740),
]

# axe parses every colour it reads (a background, a text colour) with colorjs, a fresh parse of the
# same few strings thousands of times a page: a third of color-contrast's time. A string always
# parses to the same colour, so each is parsed once per page and its channels reused; a string
# that does not parse still throws each time, as before. Same results: every axe result (passes,
# incomplete and inapplicable too) of every page, light 360 px and dark 1280 px, compared with and
# without this, differed in nothing but a banner's height the page's own script had not yet set.
PARSE_COLOURS_ONCE = """() => {
  const Color = axe.commons.color.Color;
  const parse = Color.prototype.parseString;
  const parsed = new Map();
  Color.prototype.parseString = function (text) {
    const known = parsed.get(text);
    if (known === undefined) {
      parse.call(this, text);
      parsed.set(text, [this.r, this.g, this.b, this.alpha]);
    } else {
      [this.r, this.g, this.b, this.alpha] = known;
    }
    return this;
  };
}"""

#: Pages scanned at once, each in a browser context (so a renderer process) of its own.
AT_ONCE = 2

# axe.run as axe_playwright_python's Axe().run(page) calls it, started without waiting for it:
# the evaluate returns at once, and the result is collected by evaluating the promise later.
START_AXE = (
    "(options) => { window.__kqAxe = new Promise((go) => setTimeout(go, 0))"
    ".then(() => axe.run(options)); }"
)


def built_pages(outdir) -> list[str]:
    return sorted(
        p.relative_to(outdir).as_posix()
        for p in outdir.rglob("*.html")
        if "_static" not in p.parts
        and "_sources" not in p.parts
        and p.name != "404.html"  # served below the published path: tests/test_published_site.py
    )


def describe(violation: dict) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']!r}"
        for node in violation["nodes"]
    ]


def open_views(browser, mode: str, width: int, height: int) -> list:
    """``AT_ONCE`` browser contexts showing the site in ``mode`` at ``width`` x ``height``."""
    contexts = []
    for _ in range(AT_ONCE):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.add_init_script(f"localStorage.setItem('mode', {json.dumps(mode)});")
        contexts.append(context)
    return contexts


def scan(contexts, base_url: str, pages: list[str], mode: str) -> dict[str, list[str]]:
    """axe's violations per page (pages without any left out), in the order of ``pages``."""
    axe_script = Axe().axe_script
    idle = deque(context.new_page() for context in contexts)
    running: deque = deque()  # (tab, page name), oldest first
    found: dict[str, list[str]] = {}

    def collect() -> None:
        tab, name = running.popleft()
        response = tab.evaluate("window.__kqAxe")
        problems = [line for v in response["violations"] for line in describe(v)]
        if problems:
            found[name] = problems
        idle.append(tab)

    for name in pages:
        if not idle:
            collect()
        tab = idle.popleft()
        tab.goto(base_url + name)
        tab.wait_for_load_state("load")
        assert tab.evaluate("document.documentElement.dataset.mode") == mode, name
        tab.evaluate(axe_script)
        tab.evaluate(PARSE_COLOURS_ONCE)
        tab.evaluate(START_AXE, DEFAULT_OPTIONS)
        running.append((tab, name))
    while running:
        collect()
    return {name: found[name] for name in pages if name in found}


@pytest.mark.parametrize(("mode", "width", "height"), VIEWS, ids=[f"{m}-{w}" for m, w, _ in VIEWS])
def test_every_page_has_no_axe_violation(whole_course, browser, mode, width, height):
    pages = built_pages(whole_course.outdir)
    assert len(pages) > 20, pages  # every track, the landing page, search, index...
    contexts = open_views(browser, mode, width, height)
    found = scan(contexts, whole_course.url, pages, mode)
    for context in contexts:
        context.close()
    report = [f"{name}: {line}" for name, lines in found.items() for line in lines]
    assert not report, f"{len(report)} axe violations ({mode}, {width} px):\n" + "\n".join(report)


def test_a_seeded_violation_is_reported_on_its_page_only(whole_course, browser):
    """Pale grey text on one page of three is found there, and on no other page scanned with it.

    The pages go through ``scan`` as the test above sends them, so a result handed to the wrong
    page, or a page left unscanned, fails here.
    """
    pages = ["genindex.html", "search.html", "contribute.html", "index.html"]
    seeded = "contribute.html"
    contexts = open_views(browser, "light", 1280, 800)
    for context in contexts:
        context.route(
            whole_course.url + seeded,
            lambda route: route.fulfill(
                body=(whole_course.outdir / seeded)
                .read_text(encoding="utf-8")
                .replace("</head>", "<style>.bd-article p { color: #d0d0d0 }</style></head>"),
                content_type="text/html",
            ),
        )
    found = scan(contexts, whole_course.url, pages, "light")
    for context in contexts:
        context.close()
    assert list(found) == [seeded], found
    assert all(line.startswith("color-contrast (serious)") for line in found[seeded]), found
