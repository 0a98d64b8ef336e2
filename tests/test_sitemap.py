"""sitemap.xml lists every page (extensions/sitemap hands sphinx-sitemap the pages it misses).

The first test shows sphinx-sitemap on its own still lists only the pages a build rewrote
(jdillard/sphinx-sitemap#13): when it fails, upstream lists every page by itself, and
extensions/sitemap can go (conf.py then loads sphinx_sitemap directly)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import ROOT, sphinx_build

PAGES = ["index", "one", "two", "three"]
BASE = "https://example.org/course/"


def _project(tmp_path: Path, extension: str) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"extensions = [{extension!r}]\n"
        f"html_baseurl = {BASE!r}\nsitemap_url_scheme = '{{link}}'\n"
        "sitemap_excludes = ['search.html', 'genindex.html']\n",
        encoding="utf-8",
    )
    toctree = "\n".join(f"   {name}" for name in PAGES[1:])
    (src / "index.rst").write_text(f"Home\n====\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8")
    for name in PAGES[1:]:
        (src / f"{name}.rst").write_text(f"{name.title()}\n=====\n\nText.\n", encoding="utf-8")
    return src


def _listed(src: Path, *args: str) -> list[str]:
    out = src.parent / "html"
    code, _out, err = sphinx_build(
        src, out, "html", "-d", str(src.parent / "doctrees"), *args, fresh_process=True
    )
    assert code == 0, err
    text = (out / "sitemap.xml").read_text(encoding="utf-8")
    return sorted(re.findall(r"<loc>([^<]+)</loc>", text))


def _every_page() -> list[str]:
    return sorted(f"{BASE}{name}.html" for name in PAGES)


def test_sphinx_sitemap_alone_still_forgets_the_pages_a_build_did_not_rewrite(tmp_path):
    src = _project(tmp_path, "sphinx_sitemap")
    assert _listed(src) == _every_page()
    (src / "two.rst").write_text("Two\n===\n\nNew text.\n", encoding="utf-8")
    again = _listed(src)
    assert f"{BASE}two.html" in again and f"{BASE}one.html" not in again


def test_every_page_is_listed_after_an_incremental_build(tmp_path):
    src = _project(tmp_path, "extensions.sitemap")
    assert _listed(src) == _every_page()
    (src / "two.rst").write_text("Two\n===\n\nNew text.\n", encoding="utf-8")
    assert _listed(src) == _every_page()


def test_every_page_is_listed_by_a_parallel_build(tmp_path):
    src = _project(tmp_path, "extensions.sitemap")
    assert _listed(src, "-j", "2") == _every_page()


@pytest.mark.parametrize("builder", ["epub", "singlehtml", "latex"])
def test_no_sitemap_beside_other_outputs(tmp_path, builder):
    src = _project(tmp_path, "extensions.sitemap")
    out = tmp_path / builder
    code, stdout, err = sphinx_build(
        src, out, builder, "-d", str(tmp_path / "doctrees"), fresh_process=True
    )
    assert code == 0, err
    assert not (out / "sitemap.xml").exists()
    assert "sphinx-sitemap" not in stdout
