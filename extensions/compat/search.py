"""Search excerpts that quote the page, not its buttons.

Sphinx's search page shows, under each result, text of the result page around the search words:
the text of the page's ``[role=main]`` element, without ``.headerlink``, ``<script>`` and
``<style>`` (the only elements ``Search.htmlToText`` in ``searchtools.js`` removes; there is no
setting for more). pydata-sphinx-theme puts ``role="main"`` on the ``<main>`` element of its
layout, outside any template block, and the book theme puts in it the article header (our XP
badge, the theme switch), the page's table of contents and the previous/next links. Excerpts of
results found anywhere but in a section (the page title, a word of the first lines) then begin
with "0 XP · Lv 1 — Layer Novice System Settings".

``static/kq-search-excerpt.js``, loaded on the search page only (the search dialog sends its
query there), wraps ``Search.htmlToText``: it removes the parts listed in ``INTERFACE`` from the
fetched page, then hands it to Sphinx's own function, so Sphinx keeps choosing the text. The
selectors reach the script as a ``data-`` attribute of its tag. It loads ``defer``: it runs after
``searchtools.js`` has defined ``Search`` and before ``Search.init`` (on DOMContentLoaded) starts
a search. The script name is checked by ``tests/test_search_excerpts.py``. No upstream issue was
found (sphinx-doc/sphinx#12057 added ``<script>`` and ``<style>`` to the list);
``tests/test_upstream_patches.py`` fails once Sphinx's list changes.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..builders import add_static_dir, is_interactive

STATIC = Path(__file__).resolve().parent / "static"
SCRIPT = "kq-search-excerpt.js"
SEARCH_PAGE = "search"

#: What of a page's ``[role=main]`` is interface, not text to quote: the article header (XP
#: badge, theme switch, sidebar toggles), the book theme's print-only title and contents, the
#: page's table of contents, the previous/next links and the footers around the article; and the
#: controls our own scripts fill in (progress dashboard and cards, quiz buttons and tests).
INTERFACE = ", ".join(
    (
        ".bd-header-article",
        ".onlyprint",
        ".bd-sidebar-secondary",
        ".prev-next-footer",
        ".bd-footer-article",
        ".bd-footer-content",
        ".kq-js",
        ".kq-cm-status",
        ".kq-cm-continue",
        ".kq-testbar",
        ".kq-actions",
        ".kq-notebook-links",
    )
)


def _on_search_page(app: Sphinx, pagename: str, templatename: str, context, doctree) -> None:
    if pagename == SEARCH_PAGE and is_interactive(app.builder):
        app.add_js_file(SCRIPT, loading_method="defer", **{"data-kq-interface": INTERFACE})


def setup_search(app: Sphinx) -> None:
    add_static_dir(app, STATIC)  # EPUB's packer leaves scripts out of the book
    app.connect("html-page-context", _on_search_page)
