"""A directive that records the line MyST reports for it (tests/test_quiz_lines.py)."""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class Probe(SphinxDirective):
    has_content = True

    def run(self):
        reported = self.config.probe_lines
        reported.append((self.content[0] if self.content else "", self.lineno))
        return [nodes.paragraph(text="probe")]


def setup(app):
    app.add_config_value("probe_lines", [], "env")
    app.add_directive("probe", Probe)
    return {"parallel_read_safe": True}
