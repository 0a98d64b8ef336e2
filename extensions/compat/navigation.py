"""A name for each "show the pages under this one" toggle of the sidebar navigation.

pydata-sphinx-theme (``toctree.py``, ``add_collapse_checkboxes``) gives every sidebar entry that
has pages under it a ``<details>`` whose ``<summary>`` holds only a chevron icon, so a screen
reader announces a nameless button (axe ``summary-name``, on every page). The book theme's
``sbt-sidebar-nav.html`` prints that navigation; our copy of it
(``templates/sbt-sidebar-nav.html``) passes it through the ``kq_name_toggles`` filter, which
labels each summary after the entry it opens: "Pages under Contribute". Nothing visible changes.
No upstream issue was found; ``tests/test_upstream_patches.py`` fails once the theme names its
toggles itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.application import Sphinx

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: An entry with pages under it, as the theme writes it: its link, then the bare summary.
_ENTRY = re.compile(
    r'(?P<link><li class="[^"]*\bhas-children\b[^"]*"><a [^>]*>(?P<title>.*?)</a>)'
    r"(?P<details><details(?: [^>]*)?>)<summary>"
)
_TAG = re.compile(r"<[^>]+>")


def name_toggles(block) -> str:
    """The sidebar navigation with an ``aria-label`` on each bare ``<summary>``."""

    def label(entry: re.Match) -> str:
        title = " ".join(html.unescape(_TAG.sub("", entry["title"])).split())
        name = html.escape(f"Pages under {title}", quote=True)
        return f'{entry["link"]}{entry["details"]}<summary aria-label="{name}">'

    text = _ENTRY.sub(label, str(block))
    return type(block)(text) if hasattr(block, "__html__") else text


def _add_templates(app: Sphinx, config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def _install_filter(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is not None and hasattr(templates, "environment"):
        templates.environment.filters["kq_name_toggles"] = name_toggles


def setup_navigation(app: Sphinx) -> None:
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _install_filter)
