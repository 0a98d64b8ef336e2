"""The ``backend-note`` directive: an aside on how something differs between backends.

It is a plain docutils admonition titled "Backend Note" with the class ``backend-note``, so
every builder renders it as it renders any titled admonition (LaTeX, EPUB, text included); the
HTML stylesheet adds the ⚙️ and the colours for light and dark mode.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

TITLE = "Backend Note"
CLASS = "backend-note"


class BackendNote(SphinxDirective):
    has_content = True
    option_spec = {"class": directives.class_option, "name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        self.assert_has_content()
        note = nodes.admonition(
            "\n".join(self.content), classes=[CLASS, *self.options.get("class", [])]
        )
        self.set_source_info(note)
        self.add_name(note)
        title = nodes.title(TITLE, TITLE)
        self.set_source_info(title)
        note += title
        self.state.nested_parse(self.content, self.content_offset, note)
        return [note]


def setup_backend_note(app: Sphinx) -> None:
    app.add_directive("backend-note", BackendNote)
