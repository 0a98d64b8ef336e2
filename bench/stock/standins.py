"""Directives of ours, replaced by no-ops for the stock benchmark build."""

from docutils.parsers.rst import Directive

OURS = (
    "quiz",
    "question",
    "hint",
    "explanation",
    "feedback",
    "backend-note",
    "course-map",
    "progress-panel",
)


class Swallow(Directive):
    has_content = True
    optional_arguments = 99
    final_argument_whitespace = True

    def run(self):
        return []


class _AnyOptions(dict):
    def __missing__(self, key):
        return lambda value: value


Swallow.option_spec = _AnyOptions()


def setup(app):
    for name in OURS:
        app.add_directive(name, Swallow, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
