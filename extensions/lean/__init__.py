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

A page links a dozen stylesheets, and the theme's own is ~310 KB of rules, nine tenths of them
for classes no page uses: ``stylesheets.py`` joins them into one file per set of links and leaves
out the rules that cannot match (see there).

The theme's first script sets the colour theme to "auto" on a first visit, and its main script
later settles it to "light" or "dark", which restyles the whole page once more; the first script
settles it at once instead (``SETTLED_THEME``), exactly as the main script would.

Figures load lazily on the web (``loading="lazy"``): a diagram far down a track is fetched when
the reader scrolls towards it, not with the page.

This extension owns all of that, in one place:

* ``templates/layout.html`` filters the theme's ``css`` and ``extrahead`` blocks
  (``kq_lean_css``, ``kq_lean_head``): the four script tags go, the colour theme is settled and
  the stylesheet links become one; it filters the ``scripts`` block (``kq_lean_scripts``) to
  defer the scripts listed in ``DEFERRED``.
* ``fonts.py``, when an HTML build finishes: collects every icon the output can show (icon
  classes in the HTML and JavaScript, icon characters in the CSS), subsets the webfonts to those
  glyphs with fontTools and drops the icon rules nobody uses from the theme's stylesheet.
* ``stylesheets.py``, right after: writes each page's one stylesheet (``lean.stylesheet``
  warnings if it cannot join them all).

What upstream says about each: Font Awesome's script is pydata-sphinx-theme#2379 (a lighter one is
proposed in pydata-sphinx-theme#2494); the search index on every page is mentioned in
pydata-sphinx-theme#2115 but has no issue of its own; no upstream issue was found for the "auto"
colour theme of a first visit or for the scripts that could be deferred.
``tests/test_upstream_patches.py`` builds a page with the theme alone and fails when the theme
stops doing one of these, naming what to remove here.

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

from ..builders import INTERACTIVE, writes_html
from . import stylesheets
from .fonts import slim_icons
from .warning_types import Subtype, warn

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
#: The theme's first script copies the colour theme from the last visit, or "auto" on a first
#: one; its main script, once the page is there, resolves "auto" to "light" or "dark", and that
#: change restyles the whole page (a fifth of a second on a phone). Settled at once instead, the
#: same way that script does it, the later setting changes nothing.
THEME_LINE = re.compile(
    r'document\.documentElement\.dataset\.theme = localStorage\.getItem\("theme"\) \|\| "[^"]*";'
)
SETTLED_THEME = (
    "document.documentElement.dataset.theme = "
    '["light", "dark"].includes(document.documentElement.dataset.mode) '
    "? document.documentElement.dataset.mode "
    ': matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";'
)
SYNC_SCRIPT = re.compile(r'<script(?P<attrs>(?: [\w-]+="[^"]*")*) src="(?P<src>[^"]*)"></script>')


#: Themes whose layout this extension knows; with another theme it leaves pages alone.
THEMES = ("sphinx_book_theme", "pydata_sphinx_theme")


def theme_changed(what: str) -> None:
    warn(
        Subtype.THEME,
        f"extensions/lean: {what}; the theme changed, update extensions/lean to match",
        logger=logger,
        once=True,
    )


def _same_kind(original, text: str):
    return type(original)(text) if hasattr(original, "__html__") else text


class Filters:
    """The template filters; ``active`` is False for builders with another theme (EPUB)."""

    def __init__(self, active: bool, bundles: Path | None = None):
        self.active = active
        #: Where the lists of joined stylesheets are noted (None: links stay as they are).
        self.bundles = bundles

    def css(self, block, static: str = ""):
        """The theme's ``css`` block without the Font Awesome script, with the colour theme
        settled at once (``THEME_LINE``) and its stylesheet links joined into one
        (``stylesheets.py``); ``static`` is the page's relative way to ``_static/``."""
        if not self.active:
            return block
        lean, removed = FONTAWESOME_JS.subn("", str(block))
        if removed != 1:
            theme_changed("the theme no longer loads scripts/fontawesome.js where it used to")
        lean, settled = THEME_LINE.subn(SETTLED_THEME, lean)
        if settled != 1:
            theme_changed("the theme no longer sets data-theme in its first script as it used to")
        if static and self.bundles is not None:
            lean, bundle = stylesheets.bundle_links(lean, static)
            if bundle is not None:
                stylesheets.record(self.bundles, bundle)
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
    builders = INTERACTIVE

    def run(self, **kwargs) -> None:
        for image in self.document.findall(nodes.image):
            image.setdefault("loading", "lazy")


def _active(app: Sphinx) -> bool:
    """True for a builder that writes its pages with a theme whose layout this extension knows.

    Each HTML builder names its theme: the web builders ``html_theme``, EPUB ``epub_theme``
    (Sphinx's plain ``epub`` theme, which loads none of what this extension removes)."""
    if not writes_html(app.builder):
        return False
    theme, _options = app.builder.get_theme_config()
    return theme in THEMES


def _add_templates(app: Sphinx, config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def _install_filters(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is None or not hasattr(templates, "environment"):
        return
    filters = Filters(_active(app), bundles_folder(app))
    templates.environment.filters["kq_lean_css"] = filters.css
    templates.environment.filters["kq_lean_head"] = filters.head
    templates.environment.filters["kq_lean_scripts"] = filters.scripts


def cache_dir(kind: str = "fonts") -> Path:
    """Cut fonts and joined stylesheets are kept per machine (like pip's cache): they depend
    only on the files they are made from and the icons and classes the site uses, so every build
    and every clone after the first reuses them."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "keras-quest" / kind


def bundles_folder(app: Sphinx) -> Path:
    """Where pages note the stylesheets they join: beside the doctrees, which live as long as
    the output does, and which parallel writers share."""
    return Path(app.doctreedir) / "kq-lean-stylesheets" / app.builder.name


def _slim(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and _active(app):
        outdir = Path(app.outdir)
        for problem in slim_icons(outdir, cache_dir("fonts")):
            theme_changed(problem)
        for problem in stylesheets.write_bundles(
            outdir, bundles_folder(app), cache_dir("stylesheets")
        ):
            warn(Subtype.STYLESHEET, f"extensions/lean: {problem}", logger=logger)


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    app.connect("config-inited", _add_templates)
    app.add_post_transform(LazyImages)
    app.connect("builder-inited", _install_filters)
    # After every other build-finished handler: the theme, for one, rewrites pygments.css then.
    app.connect("build-finished", _slim, priority=900)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
