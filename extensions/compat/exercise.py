"""sphinx-exercise in every builder.

* sphinx-exercise registers its HTML visitors under the builder *name* ``singlehtml``. Sphinx
  then looks up singlehtml visitors only in that table, so every other extension's HTML nodes
  (ours included) crash the singlehtml build. We copy the ``html`` visitors across.
* sphinx-exercise has no visitors for the text, man and texinfo writers; an exercise there
  becomes an ordinary admonition (title, then body).
* In LaTeX, sphinx-exercise labels an exercise ``exercise:<label>`` but links a solution's
  "Solution to Exercise N" title to ``<document>:<label>``, which no page defines, so every such
  link is an undefined reference in the PDF. We write the label the link looks for as well.
* sphinx-exercise gives the body of every exercise the id ``exercise-content`` (and of every
  solution ``solution-content``), so a page with two exercises repeats an id: invalid HTML, and
  an EPUB error. Each body gets an id made from its exercise's label instead.
"""

from __future__ import annotations

from sphinx.application import Sphinx

PLAIN_FORMATS = ("text", "man", "texinfo")


def _as_admonition_visit(self, node) -> None:
    self.visit_admonition(node)


def _as_admonition_depart(self, node) -> None:
    self.depart_admonition(node)


def _latex_label_visit(original):
    def visit(self, node) -> None:
        if node.get("label"):
            self.body.append(self.hypertarget(node["label"]))
        original(self, node)

    return visit


SHARED_IDS = ("exercise-content", "solution-content")


def _unique_body_ids(app: Sphinx, doctree) -> None:
    from docutils import nodes

    bodies = [s for s in doctree.findall(nodes.section) if set(s["ids"]) & set(SHARED_IDS)]
    for number, section in enumerate(bodies, start=1):
        kind = next(i for i in section["ids"] if i in SHARED_IDS).split("-")[0]
        owner = section.parent
        label = owner.get("label") or (owner["ids"][0] if owner.get("ids") else f"{number}")
        section["ids"] = [f"{label}-{kind}-content"]


def _share_html_visitors_with_singlehtml(app: Sphinx) -> None:
    handlers = app.registry.translation_handlers
    if "singlehtml" not in handlers:
        return
    for node_name, pair in handlers.get("html", {}).items():
        handlers["singlehtml"].setdefault(node_name, pair)


def setup_exercise(app: Sphinx) -> None:
    app.setup_extension("sphinx_exercise")
    from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node, solution_node

    pair = (_as_admonition_visit, _as_admonition_depart)
    from sphinx_exercise.nodes import (
        depart_exercise_enumerable_node,
        depart_exercise_node,
        visit_exercise_enumerable_node,
        visit_exercise_node,
    )

    for node in (exercise_node, exercise_enumerable_node, solution_node):
        app.add_node(node, override=True, **dict.fromkeys(PLAIN_FORMATS, pair))
    app.add_node(
        exercise_node,
        override=True,
        latex=(_latex_label_visit(visit_exercise_node), depart_exercise_node),
    )
    app.add_node(
        exercise_enumerable_node,
        override=True,
        latex=(_latex_label_visit(visit_exercise_enumerable_node), depart_exercise_enumerable_node),
    )
    # Late, so that handlers every extension registered during setup are there to copy.
    app.connect("builder-inited", _share_html_visitors_with_singlehtml, priority=900)
    app.connect("doctree-read", _unique_body_ids)
