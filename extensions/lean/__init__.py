"""What the theme ships that the course does not need, taken out of every HTML page.

pydata-sphinx-theme (under sphinx-book-theme) loads, on every page:

* ``scripts/fontawesome.js`` (~530 KiB gzipped): Font Awesome's JavaScript, which only adds the
  custom-icon API (``fa-custom`` icons). The course has no custom icon; Font Awesome's CSS and
  webfonts, which the theme ships too, draw every standard icon without it.
* ``searchtools.js``, ``language_data.js`` and ``searchindex.js`` (the whole course's index):
  only "search as you type" in the search dialog uses them there, and that option is off. The
  dialog sends the query to ``search.html``, which loads them itself, on ``file://`` too.
* three Font Awesome webfonts (~240 KiB) with ~2,000 glyphs, and a CSS rule for each of ~1,970
  icon names, for the few dozen icons the site shows.

It also loads the scripts that only wire up the page once it is there (Sphinx's doctools and
search-term highlighting, the copy button, sphinx-design's tabs, the book theme's own script)
with ``defer``, so they no longer hold up the first paint; each of them waits for the DOM
anyway, and deferred scripts still run in page order. ``documentation_options.js`` stays as it
is: the inline lines after it use what it defines at once; so does the search page, whose
search script needs doctools.js at once.

The theme's stylesheet ``@import``s Sphinx's ``basic.css``, which a browser finds only once that
stylesheet has arrived: one more round trip before the first paint. The page's head preloads it.

Figures load lazily on the web (``loading="lazy"``): a diagram far down a track is fetched when
the reader scrolls towards it, not with the page.

This extension owns all of that, in one place:

* ``templates/layout.html`` filters the theme's ``css`` and ``extrahead`` blocks
  (``kq_lean_css``, ``kq_lean_head``): the four script tags go; it filters the ``scripts``
  block (``kq_lean_scripts``) to defer the scripts listed in ``DEFERRED``; it adds the
  ``basic.css`` preload to the head.
* ``fonts.py``, when an HTML build finishes: collects every icon the output can show (icon
  classes in the HTML and JavaScript, icon characters in the CSS), subsets the webfonts to those
  glyphs with fontTools and drops the icon rules nobody uses from the theme's stylesheet.

If a theme upgrade changes what this expects (a script tag or the icon rules are no longer
where they were), the build says so with a ``lean.theme`` warning (``warning_types.py``; its
table is on the Contribute page), which fails ``-W`` builds, instead of icons breaking silently.
``tests/test_lean.py`` checks the result in a browser.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..warning_table import warnings_directive
from .fonts import slim_icons
from .warning_types import TYPE, Subtype, warn

__version__ = "0.1.0"

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"

FONTAWESOME_JS = re.compile(
    r'[ \t]*<script defer src="[^"]*scripts/fontawesome\.js[^"]*"></script>\n?'
)
SEARCH_JS = re.compile(
    r'[ \t]*<script src="[^"]*'
    r'(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>\n?'
)
SEARCH_PAGE = "search"
#: Scripts that only act once the DOM is ready (they listen for DOMContentLoaded or check
#: document.readyState), so they can load without blocking the first paint.
DEFERRED = (
    "doctools.js",
    "sphinx_highlight.js",
    "clipboard.min.js",
    "copybutton.js",
    "scripts/sphinx-book-theme.js",
    "design-tabs.js",
)
SYNC_SCRIPT = re.compile(r'<script(?P<attrs>(?: [\w-]+="[^"]*")*) src="(?P<src>[^"]*)"></script>')


#: Themes whose layout this extension knows; with another theme it leaves pages alone.
THEMES = ("sphinx_book_theme", "pydata_sphinx_theme")


def theme_changed(what: str) -> None:
    warn(
        logger,
        f"extensions/lean: {what}; the theme changed, update extensions/lean to match",
        Subtype.THEME,
        None,
        once=True,
    )


def _same_kind(original, text: str):
    return type(original)(text) if hasattr(original, "__html__") else text


class Filters:
    """The two template filters; ``active`` is False for builders with another theme (EPUB)."""

    def __init__(self, active: bool):
        self.active = active

    def css(self, block):
        """The theme's ``css`` block without the Font Awesome script."""
        if not self.active:
            return block
        lean, removed = FONTAWESOME_JS.subn("", str(block))
        if removed != 1:
            theme_changed("the theme no longer loads scripts/fontawesome.js where it used to")
        return _same_kind(block, lean)

    def head(self, block, pagename: str):
        """The ``extrahead`` block without the search scripts (the search page keeps its own)."""
        if not self.active:
            return block
        lean, removed = SEARCH_JS.subn("", str(block))
        if pagename != SEARCH_PAGE and removed != 3:
            theme_changed("the theme no longer loads the search index on every page")
        return _same_kind(block, lean)

    def scripts(self, block, pagename: str):
        """The page's script tags, with the ones in ``DEFERRED`` loading deferred.

        Not on the search page: Sphinx's search script, which the theme adds there after these,
        runs at once and calls what doctools.js defines.
        """
        if not self.active or pagename == SEARCH_PAGE:
            return block
        found = 0

        def defer(tag: re.Match) -> str:
            nonlocal found
            path = tag["src"].split("?")[0]
            if "defer" in tag["attrs"] or not path.endswith(DEFERRED):
                return tag[0]
            found += 1
            return f'<script{tag["attrs"]} defer="defer" src="{tag["src"]}"></script>'

        lean = SYNC_SCRIPT.sub(defer, str(block))
        if found == 0:
            theme_changed("the page loads none of the scripts it used to defer")
        return _same_kind(block, lean)


class LazyImages(SphinxPostTransform):
    """Images in web pages load when they come near the screen (an author's ``:loading:`` wins)."""

    default_priority = 400
    builders = ("html", "dirhtml", "singlehtml")

    def run(self, **kwargs) -> None:
        for image in self.document.findall(nodes.image):
            image.setdefault("loading", "lazy")


def _active(app: Sphinx) -> bool:
    return (
        app.builder.format == "html"
        and app.builder.name != "epub"
        and app.config.html_theme in THEMES
    )


def _add_templates(app: Sphinx, config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def _install_filters(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is None or not hasattr(templates, "environment"):
        return
    filters = Filters(_active(app))
    templates.environment.filters["kq_lean_css"] = filters.css
    templates.environment.filters["kq_lean_head"] = filters.head
    templates.environment.filters["kq_lean_scripts"] = filters.scripts
    templates.environment.globals["kq_lean_active"] = filters.active


def cache_dir() -> Path:
    """Cut fonts are kept per machine (like pip's cache): they depend only on the theme's font
    files and the glyphs used, so every build and every clone after the first reuses them."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "keras-quest" / "fonts"


def _slim(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and _active(app):
        for problem in slim_icons(Path(app.outdir), cache_dir()):
            theme_changed(problem)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_templates)
    app.add_post_transform(LazyImages)
    app.connect("builder-inited", _install_filters)
    app.connect("build-finished", _slim)
    app.add_directive("lean-warnings", warnings_directive(TYPE, Subtype))
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
