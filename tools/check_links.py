"""Check the internal links of a built HTML site: every local href points at a file that exists,
and every #fragment at an id on that page. Prints one line per broken link (file, target, fix).

Every HTML-like output works: ``html``, ``dirhtml`` (a link to a folder means its
``index.html``), ``singlehtml`` (links within the one page) and the unpacked EPUB folder (XHTML
pages). ``tests/test_outputs.py`` and ``tests/test_site.py`` run it on each the tests build.
Usage: ``python tools/check_links.py [OUTDIR]`` (``_build/html`` by default)."""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: The pages of a site: HTML, and XHTML in an EPUB.
PAGE_SUFFIXES = (".html", ".xhtml")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        if tag == "a" and a.get("href"):
            self.hrefs.append((self.getpos()[0], a["href"]))


def _parse(path: Path, cache: dict[Path, _Links]) -> _Links:
    if path not in cache:
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        cache[path] = parser
    return cache[path]


def broken_links(outdir: Path) -> list[str]:
    problems = []
    cache: dict[Path, _Links] = {}
    pages = (path for path in outdir.rglob("*") if path.suffix in PAGE_SUFFIXES)
    for page in sorted(pages):
        if "_static" in page.parts or "_sources" in page.parts:
            continue
        if page.relative_to(outdir).as_posix() in ("404.html", "404/index.html"):  # dirhtml
            continue  # links rooted at the published path (conf.py); tests/test_published_site.py

        for line, href in _parse(page, cache).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(outdir)}:{line}"
            if not target.is_file():
                problems.append(f"{where}: link to '{href}' points at no page; fix or remove it")
                continue
            if parts.fragment and target.suffix in PAGE_SUFFIXES:
                if unquote(parts.fragment) not in _parse(target, cache).ids:
                    problems.append(
                        f"{where}: link to '{href}' names an anchor that "
                        f"{target.relative_to(outdir)} does not have; check the heading or label"
                    )
    return problems


def main(argv: list[str]) -> int:
    outdir = Path(argv[1] if len(argv) > 1 else "_build/html")
    if not any((outdir / f"index{suffix}").is_file() for suffix in PAGE_SUFFIXES):
        print(f"check_links: {outdir} holds no built site; run 'make html' first", file=sys.stderr)
        return 2
    problems = broken_links(outdir)
    for problem in problems:
        print(problem)
    print(f"internal links: {len(problems)} broken" if problems else "internal links: all good")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
