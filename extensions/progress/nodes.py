"""Nodes of the course map and the progress panels, and how each output format writes them.

The directives produce builder-neutral content (lists, paragraphs, references) wrapped in these
nodes, which every writer can write: the wrappers pass through, the hooks for the script are
skipped. For the interactive builders (``html``, ``dirhtml``, ``singlehtml``: see
``extensions/builders.py``) the post-transform ``transforms.ScriptHooks`` replaces the panels and
hooks with :class:`script_html` nodes holding the HTML the script fills in, so which builder gets
what is decided there, once, and no writer has to ask.
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


class course_start(nodes.General, nodes.Element):
    """The landing page's first screen: the course in one line and the way into Track 1.

    Children: the one-line pitch, then (once ``transforms.FillProgress`` ran) a paragraph with
    the link to the first track (class ``kq-start-link``).
    """


class progress_panel(nodes.General, nodes.Element):
    """One part of the progress or review page (``part``); children are the no-script text.

    ``fallback``: the children only explain what the script would show (hidden once it runs).
    """


class script_html(nodes.General, nodes.Element):
    """HTML for the interactive builders only: the template ``template`` (``render.py``) around
    the node's children, rendered with ``context`` and, for each ``links`` entry (name ->
    docname), that page's URI relative to the page being written (only the writer knows it).

    Put in place by ``transforms.ScriptHooks``, which runs for those builders alone, so no other
    writer ever meets one.
    """


def _pass(self, node) -> None:
    pass


def _skip(self, node) -> None:
    raise nodes.SkipNode


def visit_course_map_html(self, node: course_map) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="kq-course-map"))


def depart_course_map_html(self, node: course_map) -> None:
    self.body.append("</div>")


def visit_script_html(self, node: script_html) -> None:
    builder = self.builder
    links = {
        name: builder.get_relative_uri(builder.current_docname, docname)
        for name, docname in node.get("links", {}).items()
    }
    before, node["after"] = render.fragment(node["template"], **{**node["context"], **links})
    self.body.append(before)


def depart_script_html(self, node: script_html) -> None:
    self.body.append(node["after"])


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
    for node in (progress_panel, course_start):
        app.add_node(node, **html_visitors(*passthrough), **dict.fromkeys(others, passthrough))
    app.add_node(script_html, **html_visitors(visit_script_html, depart_script_html))
