"""What the published site adds for readers who arrive from elsewhere: one address written in one
place, link previews, a sitemap and a 404 page (sphinxext-opengraph, sphinx-sitemap through
extensions/sitemap, sphinx-notfound-page), and diagrams whose PDF twins are made at build time."""

from __future__ import annotations

import os
import re
import runpy
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import ROOT

HOMEPAGE = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"][
    "Homepage"
]
NOT_PAGES = {"404.html", "genindex.html", "search.html"}


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta[a.get("name") or a["property"]] = a.get("content") or ""
        for key in ("href", "src"):
            if a.get(key):
                self.hrefs.append(a[key])


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# ---- the address, written once -------------------------------------------------------------


def _conf(monkeypatch, canonical: str | None) -> dict:
    if canonical is None:
        monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    else:
        monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", canonical)
    return runpy.run_path(str(ROOT / "conf.py"))


def test_the_site_address_comes_from_pyproject(monkeypatch):
    conf = _conf(monkeypatch, None)
    assert conf["html_baseurl"] == conf["ogp_site_url"] == HOMEPAGE
    assert conf["notfound_urls_prefix"] == urlsplit(HOMEPAGE).path


def test_read_the_docs_gives_each_build_its_own_address(monkeypatch):
    conf = _conf(monkeypatch, "https://keras-quest.readthedocs.io/fr/stable/")
    assert conf["html_baseurl"] == "https://keras-quest.readthedocs.io/fr/stable/"
    assert conf["notfound_urls_prefix"] == "/fr/stable/"


def test_the_readme_links_to_the_course_before_anything_else():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = readme[: readme.index("\n## ")]
    assert HOMEPAGE in intro
    assert re.search(r"!\[[^\]]+\]\(\.github/readme-screenshot\.png\)", intro)
    assert (ROOT / ".github" / "readme-screenshot.png").stat().st_size < 300_000
    assert readme.index("make html") > readme.index(HOMEPAGE)


def test_no_pdf_is_committed_beside_a_diagram():
    diagrams = sorted((ROOT / "docs").rglob("*.svg"))
    assert diagrams
    twins = [svg.with_suffix(".pdf") for svg in diagrams]
    assert [str(pdf) for pdf in twins if pdf.exists()] == []


# ---- the built site --------------------------------------------------------------------------


@pytest.mark.slow
def test_the_sitemap_lists_every_page_and_nothing_else(whole_course):
    text = (whole_course.outdir / "sitemap.xml").read_text(encoding="utf-8")
    listed = sorted(re.findall(r"<loc>([^<]+)</loc>", text))
    pages = sorted(
        HOMEPAGE + p.relative_to(whole_course.outdir).as_posix()
        for p in whole_course.outdir.rglob("*.html")
        if "_static" not in p.parts and p.name not in NOT_PAGES
    )
    assert len(pages) > 20
    assert listed == pages


@pytest.mark.slow
def test_link_previews_use_the_pages_own_description(whole_course):
    for name in ("index.html", "tracks/01-why-keras.html"):
        meta = _head(whole_course.outdir / name).meta
        assert meta["og:description"] == meta["description"] != ""
        assert meta["og:url"] == HOMEPAGE + name
        assert meta["og:image"] == HOMEPAGE + "_static/social-card.png"
    assert (whole_course.outdir / "_static" / "social-card.png").is_file()


@pytest.mark.slow
def test_the_404_page_links_to_the_published_course(whole_course):
    page = _head(whole_course.outdir / "404.html")
    assert page.meta["robots"] == "noindex" and page.meta["description"]
    prefix = urlsplit(HOMEPAGE).path
    local = [h for h in page.hrefs if not re.match(r"^(https?:|mailto:|data:|#)", h)]
    assert local and all(h.startswith(prefix) for h in local), local
    missing = [
        h for h in local if not (whole_course.outdir / urlsplit(h).path[len(prefix) :]).exists()
    ]
    assert missing == []


@pytest.mark.browser
@pytest.mark.slow
def test_the_404_page_is_styled_where_it_is_served(whole_course, page, serve_dir, tmp_path):
    """Read the Docs serves 404.html at any depth below the published path."""
    prefix = urlsplit(HOMEPAGE).path.strip("/")
    served = tmp_path / "root"
    (served / prefix).parent.mkdir(parents=True)
    os.symlink(whole_course.outdir, served / prefix)
    base = serve_dir(served)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{base}{prefix}/404.html")
    page.wait_for_load_state("load")
    assert failed == []
    assert page.evaluate("document.documentElement.dataset.mode")  # the theme's script ran
    assert page.get_by_role("heading", name="Page not found", level=1).is_visible()


@pytest.mark.slow
def test_the_pdf_build_makes_each_diagrams_pdf_from_its_svg(tmp_path):
    from support import build_course

    code, _out, err = build_course(tmp_path / "latex", "latex", "-d", str(tmp_path / "dt"))
    assert code == 0 and "WARNING" not in err, err
    diagrams = {svg.stem for svg in (ROOT / "docs" / "tracks" / "img").glob("*.svg")}
    made = {pdf.stem for pdf in (tmp_path / "latex").glob("*.pdf")}
    assert diagrams <= made, diagrams - made
    tex = (tmp_path / "latex" / "keras-quest.tex").read_text(encoding="utf-8")
    assert all(f"{{{name}}}.pdf}}" in tex for name in diagrams)
