"""Patches for gaps in third-party extensions, so every builder works on the whole course.

* sphinx-exercise registers its HTML visitors under the builder *name* ``singlehtml``. Sphinx
  then looks up singlehtml visitors only in that table, so every other extension's HTML nodes
  (ours included) crash the singlehtml build. We copy the ``html`` visitors across.
* sphinx-exercise has no visitors for the text, man and texinfo writers; an exercise there
  becomes an ordinary admonition (title, then body).
"""

from __future__ import annotations

from sphinx.application import Sphinx

__version__ = "0.1.0"

PLAIN_FORMATS = ("text", "man", "texinfo")


def _as_admonition_visit(self, node) -> None:
    self.visit_admonition(node)


def _as_admonition_depart(self, node) -> None:
    self.depart_admonition(node)


def _share_html_visitors_with_singlehtml(app: Sphinx) -> None:
    handlers = app.registry.translation_handlers
    if "singlehtml" not in handlers:
        return
    for node_name, pair in handlers.get("html", {}).items():
        handlers["singlehtml"].setdefault(node_name, pair)


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_exercise")
    from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node, solution_node

    pair = (_as_admonition_visit, _as_admonition_depart)
    for node in (exercise_node, exercise_enumerable_node, solution_node):
        app.add_node(node, override=True, **dict.fromkeys(PLAIN_FORMATS, pair))
    # Late, so that handlers every extension registered during setup are there to copy.
    app.connect("builder-inited", _share_html_visitors_with_singlehtml, priority=900)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
