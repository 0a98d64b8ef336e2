"""Drop the ``% example: ...`` comments from pages: they speak to the example runner only.

MyST keeps comments as comment nodes, which HTML writes out as ``<!-- -->`` and LaTeX as
``%`` lines; a marker is no business of a reader, so it leaves no trace in any output.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from .convention import MARKER


def _is_marker(comment: nodes.comment) -> bool:
    return any(MARKER.match(line) for line in comment.astext().splitlines())


def drop_markers(app: Sphinx, doctree: nodes.document) -> None:
    for comment in list(doctree.findall(nodes.comment)):
        if _is_marker(comment):
            comment.parent.remove(comment)


def setup_markers(app: Sphinx) -> None:
    app.connect("doctree-read", drop_markers)
