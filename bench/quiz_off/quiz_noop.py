"""Quiz directives replaced by no-ops, for bench_quiz.py.

KQ_QUIZ_NOOP=plain (default): each directive parses its content into a plain container, so the
page keeps the same text and only the quiz extension's own work goes away.
KQ_QUIZ_NOOP=drop: the directives return nothing; the quiz content is not even parsed.
"""

import os

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class _AnyOptions(dict):
    def __missing__(self, key):
        return lambda value: value


class NoOp(SphinxDirective):
    has_content = True
    optional_arguments = 99
    final_argument_whitespace = True
    option_spec = _AnyOptions({"id": str})

    def run(self):
        if os.environ.get("KQ_QUIZ_NOOP", "plain") == "drop":
            return []
        return [nodes.container("", *self.parse_content_to_nodes())]


def setup(app):
    for name in ("quiz", "question", "explanation", "feedback"):
        app.add_directive(name, NoOp, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
