"""Runnable examples on the site.

The ``backend-note`` directive, the "Examples verified with Keras X.Y.Z" stamp on track pages,
a build-time check of backend tab-sets, the ``% example:`` markers (read into the doctree, then
hidden from readers), claim checks (``claims.py``) and the ``examples`` builder, which writes the
run plans that the example runner (``tools/examples``) executes. Every builder gets the same
doctree; HTML formats also get the stylesheet of backend notes. Nothing here imports Keras: the
pin is read from ``pyproject.toml``.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..builders import add_static_dir, writes_html
from . import warning_types  # noqa: F401  (registers its warnings for {kq-warnings})
from .backend_note import setup_backend_note
from .builder import setup_builder
from .claims import setup_claims
from .markers import setup_markers
from .stamp import setup_stamp
from .tabs import setup_tab_check

__version__ = "0.1.0"

STATIC = Path(__file__).resolve().parent / "static"
CSS = "kq-examples.css"


def _link_stylesheet(app: Sphinx) -> None:
    # Every builder that writes HTML (EPUB too); LaTeX and text need no CSS.
    if writes_html(app.builder):
        app.add_css_file(CSS)


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    setup_backend_note(app)
    setup_stamp(app)
    setup_tab_check(app)
    setup_markers(app)
    setup_claims(app)
    setup_builder(app)
    add_static_dir(app, STATIC)
    app.connect("builder-inited", _link_stylesheet)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
