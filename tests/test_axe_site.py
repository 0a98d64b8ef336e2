"""axe on every page of the built course: light and dark, desktop and a 360 px phone.

One browser page visits them all, so the scan costs one page load and one axe run per page and
view. Violations inside the quiz and progress widgets are the quiz and progress extensions'
to fix; they are reported here like any other.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

VIEWS = [
    ("light", 1280, 800),
    ("dark", 1280, 800),
    ("light", 360, 740),
    ("dark", 360, 740),
]


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


@pytest.mark.parametrize(("mode", "width", "height"), VIEWS, ids=[f"{m}-{w}" for m, w, _ in VIEWS])
def test_every_page_has_no_axe_violation(whole_course, page, mode, width, height):
    pages = built_pages(whole_course.outdir)
    assert len(pages) > 20, pages  # every track, the landing page, search, index...
    page.set_viewport_size({"width": width, "height": height})
    page.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    axe = Axe()
    found: dict[str, list[str]] = {}
    for name in pages:
        page.goto(whole_course.url + name)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.dataset.mode") == mode
        problems = [line for v in axe.run(page).response["violations"] for line in describe(v)]
        if problems:
            found[name] = problems
    report = [f"{name}: {line}" for name, lines in found.items() for line in lines]
    assert not report, f"{len(report)} axe violations ({mode}, {width} px):\n" + "\n".join(report)
