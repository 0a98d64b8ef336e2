"""Nodes of the course map and the progress panels, and how each output format writes them.

The directives produce builder-neutral content (lists, paragraphs, references) wrapped in these
nodes. The interactive builders (``html``, ``dirhtml``, ``singlehtml``: see
``extensions/builders.py``) get the hooks the script fills in, put there by the post-transform
``transforms.ScriptHooks``, which only they run. EPUB, LaTeX, text, man and Texinfo get the plain
content and nothing else: their writers skip the hook nodes and pass through the wrappers.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..builders import html_visitors
from . import render


class course_map(nodes.General, nodes.Element):
    """Wraps the list of tracks."""


class course_map_status(nodes.General, nodes.Element):
    """Where the script writes a learner's numbers for one track (``track`` = slug)."""


class course_map_continue(nodes.General, nodes.Element):
    """Where the script writes "continue where you left off"."""


class progress_panel(nodes.General, nodes.Element):
    """One part of the progress or review page (``part``); children are the no-script text."""


#: Set on a panel by ``transforms.ScriptHooks``: the HTML writer then adds the script's hooks.
HOOKED = "script_hooks"


def _pass(self, node) -> None:
    pass


def _skip(self, node) -> None:
    raise nodes.SkipNode


def visit_course_map_html(self, node: course_map) -> None:
    self.body.append('<div class="kq-course-map">')


def depart_course_map_html(self, node: course_map) -> None:
    self.body.append("</div>")


def visit_panel_html(self, node: progress_panel) -> None:
    if node.get(HOOKED):
        self.body.append(render.panel_open(node["part"]))


def depart_panel_html(self, node: progress_panel) -> None:
    if not node.get(HOOKED):
        return
    review, builder = self.builder.config.progress_review_page, self.builder
    uri = ""
    if node["part"] == "summary" and review in builder.env.found_docs:
        uri = builder.get_relative_uri(builder.current_docname, review)
    self.body.append(render.panel_close(node["part"], uri))


def setup_nodes(app: Sphinx) -> None:
    passthrough = (_pass, _pass)
    skipped = (_skip, None)
    others = ("latex", "text", "man", "texinfo")
    app.add_node(
        course_map,
        **html_visitors(visit_course_map_html, depart_course_map_html),
        **dict.fromkeys(others, passthrough),
    )
    # Left in the doctree only where no script fills them (ScriptHooks replaced them elsewhere).
    app.add_node(course_map_status, **html_visitors(*skipped), **dict.fromkeys(others, skipped))
    app.add_node(course_map_continue, **html_visitors(*skipped), **dict.fromkeys(others, skipped))
    app.add_node(
        progress_panel,
        **html_visitors(visit_panel_html, depart_panel_html),
        **dict.fromkeys(others, passthrough),
    )
