"""The site shell: a clean build, page metadata, offline assets, search, light and dark mode."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import DOCS, ROOT, build

TRACK_1 = "tracks/01-why-keras.html"


class _AssetParser(HTMLParser):
    """Collect the URLs a page loads (scripts, styles, images, fonts) and its meta tags."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "source", "iframe", "audio", "video") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower()
            if any(r in rel for r in ("stylesheet", "icon", "preload", "modulepreload", "font")):
                self.loads.append(a["href"])
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content") or ""


def _pages(outdir: Path):
    return sorted(p for p in outdir.rglob("*.html") if "_static" not in p.parts)


def _parse(path: Path) -> _AssetParser:
    parser = _AssetParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.slow
def test_course_builds_without_warnings(whole_course):
    assert whole_course.returncode == 0, whole_course.warnings
    warnings = whole_course.warnings
    assert "WARNING" not in warnings and "ERROR" not in warnings, warnings


@pytest.mark.slow
def test_every_page_has_a_meta_description(whole_course):
    missing = [
        str(p.relative_to(whole_course.outdir))
        for p in _pages(whole_course.outdir)
        if not _parse(p).meta.get("description", "").strip()
    ]
    assert missing == []


@pytest.mark.slow
def test_track_pages_have_their_own_description(whole_course):
    landing = _parse(whole_course.outdir / "index.html").meta["description"]
    track = _parse(whole_course.outdir / TRACK_1).meta["description"]
    assert track and track != landing


@pytest.mark.slow
def test_html_loads_nothing_from_other_hosts(whole_course):
    """The site works offline: no script, style, font or image comes from another host."""
    offenders = []
    for page in _pages(whole_course.outdir):
        for url in _parse(page).loads:
            if re.match(r"^(https?:)?//", url):
                offenders.append(f"{page.relative_to(whole_course.outdir)}: {url}")
    for css in whole_course.outdir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text("utf-8")):
            offenders.append(f"{css.relative_to(whole_course.outdir)}: {url}")
    assert offenders == []


@pytest.mark.slow
def test_favicon_and_logo_are_shipped(whole_course):
    head = (whole_course.outdir / "index.html").read_text("utf-8")
    match = re.search(r'<link rel="icon" href="([^"]+)"', head)
    assert match, "no favicon link"
    assert (whole_course.outdir / match.group(1)).is_file()
    assert (whole_course.outdir / "_static" / "logo.svg").is_file()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_landing_page_renders_cleanly(whole_course, page, console_errors, outside_requests, mode):
    # pydata-sphinx-theme reads the colour mode from localStorage before it paints.
    page.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page.goto(whole_course.url + "index.html")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("data-theme") == mode
    assert page.locator("h1").first.inner_text().strip().startswith("Keras Quest")
    assert page.locator("nav a[href*='01-why-keras']").count() > 0
    assert console_errors == []
    assert outside_requests == []


@pytest.mark.browser
@pytest.mark.slow
def test_search_field_invites_searching_all_tracks(whole_course, page):
    invitation = "Type to search across all tracks…"
    page.goto(whole_course.url + "index.html")
    button = page.locator(".bd-sidebar-primary .search-button-field")
    assert button.is_visible() and button.inner_text().startswith(invitation)
    button.click()
    field = page.locator("#pst-search-dialog input[name='q']")
    field.wait_for(state="visible")
    assert field.get_attribute("placeholder") == invitation
    assert field.evaluate("el => el === document.activeElement")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("width", "where"), [(1400, ".bd-sidebar-primary"), (390, ".bd-header-article")]
)
def test_one_search_entry_is_visible_at_each_width(whole_course, page, width, where):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(whole_course.url + "tracks/01-why-keras.html")
    page.wait_for_load_state("load")
    visible = [b for b in page.locator(".search-button__button").all() if b.is_visible()]
    assert len(visible) == 1
    assert visible[0].evaluate(f"el => !!el.closest('{where}')")


@pytest.mark.browser
@pytest.mark.slow
def test_searching_a_track_1_word_lists_track_1(whole_course, page, console_errors):
    page.goto(whole_course.url + "search.html?q=Theano")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("01-why-keras" in (h or "") for h in hrefs), hrefs
    assert console_errors == []


@pytest.mark.slow
# EPUB and text: tests/test_outputs.py builds them and checks more.
@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "latex", "man"])
def test_the_whole_course_builds_with_every_builder(tmp_path, builder):
    """Not only our test roots: the real course, with every third-party extension it uses."""
    # Doctrees outside the output, as `make` does: EPUB would otherwise try to pack them.
    done = build(
        DOCS,
        builder,
        "-W",
        "--keep-going",
        "-d",
        str(tmp_path / "doctrees"),
        outdir=tmp_path / builder,
        confdir=ROOT,
        fresh_process=True,
    )
    assert done.returncode == 0, done.warnings
    assert "WARNING" not in done.warnings, done.warnings
    if builder in ("dirhtml", "singlehtml"):  # the link check of every HTML-like output
        from tools.check_links import broken_links

        assert broken_links(tmp_path / builder) == []
