""" "Run this track as a notebook: download · Open in Colab" under each track page's title.

On ``doctree-resolved``, for the builders that write notebooks (``write.BUILDERS``): one
paragraph on the main page of every track, after the title and the "Examples verified with"
stamp: the download link (relative, so it works on any host and offline, with the HTML
``download`` attribute so the browser saves the file) and, when ``kq_notebook_repository`` is
set, the "Open in Colab" link to the committed copy. Other builders never see the node.
The paragraph is kept out of the search index (``no-search``).
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..builders import html_visitors
from ..course import course_of
from .config import repository_of
from .write import BUILDERS, file_name, notebook_path

CLASS = "kq-notebook-links"
STAMP_CLASS = "kq-examples-stamp"
LEAD = "Run this track as a notebook: "


class notebook_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils' spelling)
    """A link with the ``download`` attribute (docutils' ``reference`` cannot carry it)."""


def visit_notebook_link(self, node: notebook_link) -> None:
    self.body.append(
        f'<a class="reference internal" href="{escape(node["refuri"], quote=True)}" '
        f'download="{escape(node["filename"], quote=True)}">'
    )


def depart_notebook_link(self, node: notebook_link) -> None:
    self.body.append("</a>")


def _skip(translator, node) -> None:
    raise nodes.SkipNode


def links_paragraph(page_uri: str, track, colab_url: str | None) -> nodes.paragraph:
    name = f"{file_name(track)}.ipynb"
    href = relative_uri(page_uri, notebook_path(track))
    paragraph = nodes.paragraph("", LEAD, classes=[CLASS, "no-search"])
    paragraph += notebook_link("", f"download {name}", refuri=href, filename=name)
    if colab_url:
        paragraph += nodes.Text(" · ")
        paragraph += nodes.reference("", "Open in Colab", refuri=colab_url, internal=False)
    return paragraph


def add_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On ``doctree-resolved`` (which knows the builder): the links under a track's title."""
    if app.builder.name not in BUILDERS:
        return
    track = next((t for t in course_of(app.env).tracks if t.docname == docname), None)
    if track is None:
        return
    repository = repository_of(app.config)
    colab = repository.colab_url(f"{file_name(track)}.ipynb") if repository else None
    paragraph = links_paragraph(app.builder.get_target_uri(docname), track, colab)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        doctree.insert(0, paragraph)
        return
    place = 1
    while place < len(section) and _is_stamp(section[place]):
        place += 1
    section.insert(place, paragraph)


def _is_stamp(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and STAMP_CLASS in node["classes"]


def setup_links(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        notebook_link,
        **html_visitors(visit_notebook_link, depart_notebook_link),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.connect("doctree-resolved", add_links)
