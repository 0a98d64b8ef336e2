"""Our directives, replaced by plain stand-ins for the stock benchmark build.

A directive with content (a quiz, a question, its explanation, a backend note...) becomes a
plain container holding its content parsed as ordinary MyST, so the stock build reads, resolves
and writes the same text as ours and the comparison measures only what our extensions add.
Directives without content (the course map, the progress panel) become nothing.
"""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

OURS = (
    "quiz",
    "question",
    "hint",
    "explanation",
    "feedback",
    "backend-note",
    "course-map",
    "progress-panel",
    "quiz-warnings",
    "progress-warnings",
    "examples-warnings",
)


class _AnyOptions(dict):
    def __missing__(self, key):
        return lambda value: value


class Plain(SphinxDirective):
    has_content = True
    optional_arguments = 99
    final_argument_whitespace = True
    option_spec = _AnyOptions()

    def run(self):
        if not self.content:
            return []
        return [nodes.container("", *self.parse_content_to_nodes())]


def setup(app):
    for name in OURS:
        app.add_directive(name, Plain, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
