"""Our directives, replaced by plain stand-ins for the stock benchmark build.

A directive with content (a quiz, a question, its explanation, a backend note...) becomes a
plain container holding its content parsed as ordinary MyST, so the stock build reads, resolves
and writes the same text as ours and the comparison measures only what our extensions add.
Directives without content (the course map, the progress panel) become nothing, and so does a
hidden claim check (no reader sees it; ours drops it before writing). A code exercise becomes
its task parsed as MyST with its starter and solution files as Python blocks (ours includes
both), and a ``{misconception}`` role (a quiz option's tag, which shows nothing) becomes
nothing: without these the stock build skipped the exercises' code and wrote ~240 unknown-role
errors instead, so the two builds did not hold the same text.
"""

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

EXERCISES = Path(__file__).resolve().parents[2] / "kq" / "exercises"

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
    "kq-warnings",
    "course-start",
    "progress-settings",
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


class Nothing(Plain):
    def run(self):
        return []


class CodeExercise(Plain):
    def run(self):
        folder = EXERCISES / self.arguments[0]
        box = nodes.container("", nodes.paragraph(text=f"Code exercise: {self.arguments[0]}"))
        box += self.parse_content_to_nodes()
        for part in ("starter", "solution"):
            code = (folder / f"{part}.py").read_text(encoding="utf-8")
            box += nodes.literal_block(code, code, language="python")
        return [box]


def no_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [], []


def setup(app):
    for name in OURS:
        app.add_directive(name, Plain, override=True)
    app.add_directive("claim", Nothing, override=True)
    app.add_directive("code-exercise", CodeExercise, override=True)
    app.add_role("misconception", no_role, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
