"""sphinx-exercise in every builder.

* sphinx-exercise registers its HTML visitors under the builder *name* ``singlehtml`` too.
  Sphinx then looks singlehtml visitors up in that table only, not in the ``html`` one
  (sphinx-doc/sphinx#14587, fix proposed in sphinx-doc/sphinx#14601; the wish for html visitors
  in singlehtml is sphinx-doc/sphinx#9160), so every other extension's HTML node crashes the
  singlehtml build. Our extensions register their HTML visitors for both tables
  (``builders.html_visitors``); here the other third-party nodes get theirs for singlehtml,
  through ``app.add_node``. ``tests/test_upstream_patches.py`` fails once Sphinx falls back to
  the ``html`` table by itself: then ``_singlehtml_visitors`` and the ``singlehtml`` entry of
  ``builders.HTML_VISITOR_TABLES`` can go.
* sphinx-exercise has no visitors for the text, man and texinfo writers; an exercise there
  becomes an ordinary admonition (title, then body).
* In LaTeX, sphinx-exercise labels an exercise ``exercise:<label>`` but links a solution's
  "Solution to Exercise N" title to ``<document>:<label>``, which no page defines, so every such
  link is an undefined reference in the PDF. We write the label the link looks for as well.
* sphinx-exercise gives the body of every exercise the id ``exercise-content`` (and of every
  solution ``solution-content``), so a page with two exercises repeats an id: invalid HTML, and
  an EPUB error. Each body gets an id made from its exercise's label instead.

No upstream issue was found for the last three (sphinx-exercise 1.2.1; executablebooks/
sphinx-exercise#30 is an older LaTeX crash, not these). ``tests/test_upstream_patches.py`` builds
a project with sphinx-exercise alone and fails when one of the four is fixed upstream: its
message names the patch to remove.
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


def _sphinx_design_html_visitors() -> list:
    """(node, visit, depart) of every node sphinx-design registers for ``html`` only; it also
    overrides the ``container`` visitors, which singlehtml would otherwise not use."""
    from docutils import nodes
    from sphinx_design import aside, dropdown, extension, icons, steps, tabs
    from sphinx_design import badges_buttons as badges

    return [
        (nodes.container, extension.visit_container, extension.depart_container),
        (extension.PassthroughTextElement, *[extension.visit_depart_null] * 2),
        (aside.aside_main, aside.visit_aside_main, aside.depart_aside_main),
        (badges.sd_badge, badges.visit_sd_badge_html, badges.depart_sd_badge_html),
        (badges.sd_line_break, badges.visit_sd_line_break_html, None),
        (dropdown.dropdown_main, dropdown.visit_dropdown_main, dropdown.depart_dropdown_main),
        (dropdown.dropdown_title, dropdown.visit_dropdown_title, dropdown.depart_dropdown_title),
        (icons.sd_icon, icons.visit_sd_icon_html, None),
        (icons.fontawesome, icons.visit_fontawesome_html, icons.depart_fontawesome_html),
        (steps.steps_list, steps.visit_steps_list_html, steps.depart_steps_list_html),
        (tabs.sd_tab_input, tabs.visit_tab_input, tabs.depart_tab_input),
        (tabs.sd_tab_label, tabs.visit_tab_label, tabs.depart_tab_label),
    ]


def _book_theme_html_visitors() -> list:
    """The book theme's side notes, which it registers for ``html`` only."""
    from sphinx_book_theme.nodes import SideNoteNode, depart_SideNoteNode, visit_SideNoteNode

    return [(SideNoteNode, visit_SideNoteNode, depart_SideNoteNode)]


#: The other third-party extensions whose nodes have ``html`` visitors only, and those visitors.
HTML_ONLY_NODES = {
    "sphinx_design": _sphinx_design_html_visitors,
    "sphinx_book_theme": _book_theme_html_visitors,
}


def _singlehtml_visitors(app: Sphinx) -> None:
    # At builder-inited: every extension and the theme (which the builder loads, and which
    # registers its side notes then) have registered their own visitors by then.
    for extension, visitors in HTML_ONLY_NODES.items():
        if extension in app.extensions:
            for node, visit, depart in visitors():
                app.add_node(node, override=True, singlehtml=(visit, depart))


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
    app.connect("builder-inited", _singlehtml_visitors)
    app.connect("doctree-read", _unique_body_ids)
