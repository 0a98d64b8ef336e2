"""Sphinx configuration for Keras Quest.

This file lives at the repository root and is used with ``sphinx-build -c . docs <out>``, so paths
below are relative to the root, and our own extensions import as ``extensions.<name>``.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

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
    "myst_parser",
    "sphinx_design",
    "sphinx_exercise",
    "sphinx_copybutton",
    "extensions.compat",
    "extensions.meta",
    "extensions.mathml",
    "extensions.courselint",
    "extensions.quiz",
    "extensions.examples",
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

# --- Progress ---------------------------------------------------------------------------------
# Every progress_* setting keeps its default (extensions/progress/config.py, the table on the
# progress data format page). The default levels are the course's curve, given as shares of the
# XP the tracks pay: early levels come quickly, each later one takes a little longer, and a learner
# who answers everything right the first time reaches the top level with the last track, however
# many tracks there are (tests/test_level_curve.py).

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
    # XP and level badge (extensions/progress) before the theme's own header buttons.
    "article_header_end": ["kq-progress-badge.html", "article-header-buttons.html"],
}
# Follow the reader's system colour setting. Without an explicit default the theme starts from an
# empty mode and logs "Got invalid theme mode" to the console on every first visit.
html_context = {"default_mode": "auto"}
# Read the Docs tells us the canonical address; locally there is none.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

# Fallback meta description for pages that do not write their own (see extensions/meta).
meta_default_description = (
    "Keras Quest is a free, gamified course that teaches Keras 3 on JAX, TensorFlow and PyTorch, "
    "with runnable examples and quizzes."
)

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

# --- Other builders -------------------------------------------------------------------------------
latex_engine = "xelatex"
latex_documents = [(root_doc, "keras-quest.tex", "Keras Quest", author, "manual")]
epub_basename = "keras-quest"
epub_show_urls = "no"
