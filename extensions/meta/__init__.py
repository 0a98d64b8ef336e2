"""Hand a page's ``description:`` front matter to its meta description and link preview.

sphinxext-opengraph writes the ``og:*`` tags of every page and, for a page without a
``<meta name="description">``, one made from the page's first lines. It reads a page's own
description only from its text, a ``meta`` directive or an ``og:description`` field, never from
the ``description:`` key our authors write (and the course lint checks). So this extension, run
before it, puts that key in ``<meta name="description">`` and ``og:description``; opengraph then
adds nothing twice. A description too long to be useful is a warning; its subtypes are listed in
``warning_types`` and tabled by ``{kq-warnings} meta`` on the Contribute page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..builders import add_static_dir, is_interactive
from .warning_types import Subtype, warn

logger = logging.getLogger(__name__)

__version__ = "0.1.0"

MAX_LENGTH = 300


def _page_description(app: Sphinx, pagename: str, *, own: bool = True) -> str:
    metadata = app.env.metadata.get(pagename, {}) if app.env else {}
    text = str(metadata.get("description", "") or "").strip()
    if own and len(text) > MAX_LENGTH:
        warn(
            Subtype.DESCRIPTION,
            f"description is {len(text)} characters long; search engines cut it after about 160",
            pagename,
            logger=logger,
        )
    return text


def add_description(app: Sphinx, pagename: str, templatename, context: dict, doctree) -> None:
    if 'name="description"' in context.get("metatags", ""):
        return  # the page brought its own (the 404 page's, from conf.py)
    # Pages Sphinx makes itself (search, the index) have no text of their own to describe, and
    # sphinxext-opengraph skips them: they take the landing page's description.
    if doctree:
        description = _page_description(app, pagename)
    else:
        description = _page_description(app, app.config.root_doc, own=False)
    if not description:
        return
    tag = f'<meta name="description" content="{escape(description, quote=True)}" />\n'
    context["metatags"] = context.get("metatags", "") + tag
    # sphinxext-opengraph takes any og:* field of the page as given. A copy: the page's metadata
    # itself is the environment's, pickled and shared by every builder.
    context["meta"] = {**(context.get("meta") or {}), "og:description": description}


#: The picture of every page's link preview (``ogp_image`` in conf.py), shipped with the
#: interactive builds only: sphinxext-opengraph writes no tags into an EPUB.
SOCIAL_CARD = Path(__file__).parent / "static"


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    # Before sphinxext-opengraph's handler (priority 500), which reads what this one leaves.
    app.connect("html-page-context", add_description, priority=400)
    add_static_dir(app, SOCIAL_CARD, when=is_interactive)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
