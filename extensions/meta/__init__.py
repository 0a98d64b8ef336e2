"""Give every HTML page a ``<meta name="description">``.

A page may set its own with a ``description:`` key in its MyST front matter; otherwise the
project-wide ``meta_default_description`` is used, so search engines and link previews never
see a page without one. A description too long to be useful is a warning; its subtypes are
listed in ``warning_types`` and tabled by ``{meta-warnings}`` on the Contribute page.
"""

from __future__ import annotations

from html import escape

from sphinx.application import Sphinx
from sphinx.util import logging

from .warning_types import Subtype, warn

logger = logging.getLogger(__name__)

__version__ = "0.1.0"

MAX_LENGTH = 300


def _page_description(app: Sphinx, pagename: str) -> str:
    metadata = app.env.metadata.get(pagename, {}) if app.env else {}
    text = str(metadata.get("description", "") or "").strip()
    if len(text) > MAX_LENGTH:
        warn(
            Subtype.DESCRIPTION,
            f"description is {len(text)} characters long; search engines cut it after about 160",
            pagename,
            logger=logger,
        )
    return text or app.config.meta_default_description


def add_description(app: Sphinx, pagename: str, templatename, context: dict, doctree) -> None:
    description = _page_description(app, pagename)
    if not description:
        return
    tag = f'<meta name="description" content="{escape(description, quote=True)}" />\n'
    context["metatags"] = context.get("metatags", "") + tag


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    app.add_config_value("meta_default_description", "", "html", types=frozenset({str}))
    app.connect("html-page-context", add_description)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
