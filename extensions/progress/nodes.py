"""Nodes of the course map and the progress panels, and how each output format writes them.

The directives produce builder-neutral content (lists, paragraphs, references) wrapped in these
nodes. Only the interactive HTML builders (``html``, ``dirhtml``, ``singlehtml``) add the hooks the
script fills in; EPUB, LaTeX, text, man and Texinfo get the plain content and nothing else.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from . import render


class course_map(nodes.General, nodes.Element):
    """Wraps the list of tracks."""


class course_map_status(nodes.General, nodes.Element):
    """Where the script writes a learner's numbers for one track (``track`` = slug)."""


class course_map_continue(nodes.General, nodes.Element):
    """Where the script writes "continue where you left off"."""


class progress_panel(nodes.General, nodes.Element):
    """One part of the progress or review page (``part``); children are the no-script text."""


def interactive(builder) -> bool:
    """True for builders whose pages load the progress script (not EPUB or HTML help)."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


def _pass(self, node) -> None:
    pass


def _skip(self, node) -> None:
    raise nodes.SkipNode


def visit_course_map_html(self, node: course_map) -> None:
    self.body.append('<div class="kq-course-map">')


def depart_course_map_html(self, node: course_map) -> None:
    self.body.append("</div>")


def visit_status_html(self, node: course_map_status) -> None:
    if interactive(self.builder):
        self.body.append(render.status_html(node["track"]))
    raise nodes.SkipNode


def visit_continue_html(self, node: course_map_continue) -> None:
    if interactive(self.builder):
        self.body.append(render.CONTINUE_HTML)
    raise nodes.SkipNode


def visit_panel_html(self, node: progress_panel) -> None:
    if interactive(self.builder):
        self.body.append(render.panel_open(node["part"]))


def depart_panel_html(self, node: progress_panel) -> None:
    if not interactive(self.builder):
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
        html=(visit_course_map_html, depart_course_map_html),
        **dict.fromkeys(others, passthrough),
    )
    app.add_node(
        course_map_status, html=(visit_status_html, None), **dict.fromkeys(others, skipped)
    )
    app.add_node(
        course_map_continue, html=(visit_continue_html, None), **dict.fromkeys(others, skipped)
    )
    app.add_node(
        progress_panel,
        html=(visit_panel_html, depart_panel_html),
        **dict.fromkeys(others, passthrough),
    )
