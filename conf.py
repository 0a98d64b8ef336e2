"""Sphinx configuration for Keras Quest.

This file lives at the repository root and is used with ``sphinx-build -c . docs <out>``, so paths
below are relative to the root, and our own extensions import as ``extensions.<name>``.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

with (ROOT / "pyproject.toml").open("rb") as _fh:
    _pyproject = tomllib.load(_fh)

project = "Keras Quest"
author = "The Keras Quest contributors"
copyright = "2026, The Keras Quest contributors"
release = _pyproject["project"]["version"]
version = release

extensions = [
    "extensions.buildlog",  # first: it quiets what the others print while they load
    "myst_parser",
    "sphinx_design",
    "sphinx_exercise",
    "sphinx_copybutton",
    "sphinxext.opengraph",
    "notfound.extension",
    "extensions.sitemap",  # sphinx-sitemap, handed every page
    "sphinxcontrib.rsvgconverter",
    "extensions.compat",
    "extensions.meta",
    "extensions.mathml",
    "extensions.courselint",
    "extensions.quiz",
    "extensions.examples",
    "extensions.exercises",
    "extensions.notebooks",
    "extensions.progress",
    "extensions.lean",
]

root_doc = "index"
language = "en"
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]
templates_path = ["docs/_templates"]
# The course lint (extensions/courselint) reports pages missing from a toctree with a fix hint;
# Sphinx's own, hint-less warning would only repeat it.
suppress_warnings = ["toc.not_included"]
# What the course asks of every track, checked by the course lint in every build (so `make check`
# says it before CI): claim checks run on each backend, misconception tags on quiz options, and
# code exercises. tests/test_course_checks.py holds the first two against the real run plans,
# tests/test_exercise_checker.py the third against the pages.
courselint_min_claims = 8
courselint_min_misconceptions = 5
courselint_min_code_exercises = 2

# --- Progress ---------------------------------------------------------------------------------
# Every progress_* setting keeps its default (extensions/progress/config.py, the table on the
# progress data format page). The default levels are the course's curve, given as shares of the
# XP the tracks pay: early levels come quickly, each later one takes a little longer, and a learner
# who answers everything right the first time reaches the top level with the last track, however
# many tracks there are (tests/test_level_curve.py).

# --- Notebooks ---------------------------------------------------------------------------------
# Each track's notebook (extensions/notebooks) is written into the HTML output and linked from the
# track page. "owner/repo@branch" adds an "Open in Colab" link to the copies committed under
# notebooks/ on that branch (`make notebooks` writes them; tests/test_notebooks.py checks they are
# current). None: the download link only.
kq_notebook_repository = None

# --- MyST ---------------------------------------------------------------------------------------
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "tasklist",
    "substitution",
    "dollarmath",
    "attrs_inline",
]
myst_heading_anchors = 3

# --- HTML -----------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
# Math becomes MathML at build time (extensions/mathml): no MathJax from a CDN, works offline.
html_math_renderer = "mathml"
html_title = "Keras Quest"
html_logo = "docs/_static/logo.svg"
html_favicon = "docs/_static/favicon.svg"
html_static_path = ["docs/_static"]
html_css_files = ["keras-quest.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "search_bar_text": "Type to search across all tracks…",
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
    # The search field lives in the sidebar (and the sidebar drawer on phones); without this the
    # pydata header adds a second one above the page at desktop widths.
    "navbar_persistent": [],
    # The course's mark and name in the header, where the sidebar that carries them is a drawer
    # (docs/_templates/kq-header-brand.html, hidden on wide screens by keras-quest.css).
    "article_header_start": ["toggle-primary-sidebar.html", "kq-header-brand.html"],
    # XP and level badge (extensions/progress) before the theme's own header buttons.
    "article_header_end": ["kq-progress-badge.html", "article-header-buttons.html"],
}
# Follow the reader's system colour setting. Without an explicit default the theme starts from an
# empty mode and logs "Got invalid theme mode" to the console on every first visit.
html_context = {"default_mode": "auto"}

# --- Where the course is published ----------------------------------------------------------------
# One place says it: [project.urls] Homepage in pyproject.toml (the README links to it first,
# tests/test_published_site.py checks it). On Read the Docs each build is told its own
# canonical address (a version, a language), and that wins. Canonical links, the sitemap, the
# og:url and og:image of link previews and the 404 page's links all start from it.
SITE_URL = _pyproject["project"]["urls"]["Homepage"]
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or SITE_URL

# Link previews (sphinxext-opengraph): og:title, og:url, og:description and one picture for every
# page. A page's own `description:` front matter is its description (extensions/meta hands it
# over); a page without one gets the first lines of its text. No generated per-page cards: they
# need matplotlib, and cannot draw our SVG logo.
ogp_site_url = html_baseurl
ogp_image = "_static/social-card.png"  # extensions/meta/static: HTML builds only, not the EPUB
ogp_image_alt = "Keras Quest: the landing page of a free, gamified Keras 3 course"
ogp_social_cards = {"enable": False}

# The 404 page Read the Docs serves for any missing address (sphinx-notfound-page). Its links are
# absolute, rooted at the published path, because it is served from wherever the reader got lost.
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_context = {
    "title": "Page not found",
    # Not a page to list in search results, but one that says what it is in a link preview.
    "metatags": (
        '<meta name="robots" content="noindex" />\n'
        '<meta name="description" content="There is no Keras Quest page at this address." />\n'
    ),
    "body": (
        "<h1>Page not found</h1>\n"
        "<p>There is no page at this address: it may have moved when the course grew. "
        "Start again from the course map on the "
        f'<a href="{notfound_urls_prefix}index.html">landing page</a>, or search the tracks.</p>'
    ),
}

# sitemap.xml (sphinx-sitemap, through extensions/sitemap): page addresses below html_baseurl,
# which already holds the language and version; pages no search engine should list left out.
sitemap_url_scheme = "{link}"
sitemap_excludes = ["404.html", "genindex.html", "search.html"]

# Diagrams are SVG; LaTeX needs PDF. sphinxcontrib-svg2pdfconverter makes the PDF twin at build
# time with rsvg-convert (Debian/Ubuntu: librsvg2-bin), so no PDF is committed next to an SVG.
# (Nothing to set: loading sphinxcontrib.rsvgconverter is all it takes.)

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

# --- Other builders -------------------------------------------------------------------------------
latex_engine = "xelatex"
latex_documents = [(root_doc, "keras-quest.tex", "Keras Quest", author, "manual")]
# The PDF's cover: the mark (kq-logo.pdf, which extensions/compat/latex.py makes from html_logo),
# the title, a subtitle and where the course lives; no "Release 0.1.0" on it or in the page
# headers (the version is the site's business). Each track starts on a new page
# (extensions/compat/latex.py); tests/test_outputs.py reads the .tex for all three.
LATEX_SUBTITLE = "A free, hands-on course in Keras 3 on JAX, TensorFlow and PyTorch"
COVER = r"""
\begin{titlepage}
  \hypersetup{pdftitle={Keras Quest}, pdfauthor={%(author)s}, pdfsubject={%(subtitle)s}}
  \centering
  \vspace*{0.16\textheight}
  \IfFileExists{kq-logo.pdf}{\includegraphics[width=3.2cm]{kq-logo.pdf}\par\vspace{1.2cm}}{}
  {\sffamily\bfseries\fontsize{44}{52}\selectfont Keras Quest\par}
  \vspace{0.8cm}
  {\sffamily\Large %(subtitle)s\par}
  \vspace{0.5cm}
  {\sffamily\large Learn it one track at a time: runnable code, exercises and quizzes\par}
  \vfill
  {\large %(author)s\par}
  \vspace{0.3cm}
  {\small\url{%(url)s}\par}
\end{titlepage}
"""

latex_elements = {
    # The page headers print "<title>, <release name> <release>": make them the title alone.
    "preamble": r"""
\makeatletter\renewcommand{\py@release}{}\makeatother
\renewcommand{\sphinxheadercomma}{}
""",
    # %-formatting on purpose: with str.format every LaTeX brace would have to be doubled
    "maketitle": COVER % {"author": author, "subtitle": LATEX_SUBTITLE, "url": SITE_URL},  # noqa: UP031
}
epub_basename = "keras-quest"
epub_show_urls = "no"
