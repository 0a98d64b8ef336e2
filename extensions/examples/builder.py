"""The ``examples`` builder: one run plan (JSON) per page, for the example runner.

In the spirit of ``sphinx.ext.doctest``: the code that must run is collected by Sphinx itself,
from the doctrees it has already read, so every MyST rule applies and nothing else reads the
Markdown. ``markers.py`` marks each runnable block while the page is read; this builder only
writes down what the doctree says. ``sphinx-build -b examples docs OUT`` writes
``OUT/pages/<docname>.json`` for every page and ``OUT/plans.json``, which lists them.

A plan holds the page's source file (relative to the source folder), the backends the runner
runs every page on, its problems (marker or backend-tab misuse, each with its line) and its
blocks in page order: ``code``, ``line`` (the opening fence), ``code_line`` (the first code
line), ``backend`` (set inside a backend tab), ``skip`` (a skip marker's reason),
``expected`` and ``expected_line`` (an output marker's text block), ``claim`` (the sentence a
claim check proves, see ``claims.py``) and ``hidden`` (true for a ``{claim}`` directive's code,
which no reader sees). Two plans that are equal
run the same way, which is how ``make check`` finds the pages a change affects.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .convention import RUN_BACKENDS
from .markers import (
    BACKEND,
    CLAIM,
    CODE_LINE,
    EXPECTED,
    EXPECTED_LINE,
    HIDDEN,
    PROBLEMS,
    RUNNABLE,
    SKIP,
)

INDEX = "plans.json"
PAGES = "pages"
FORMAT = 1


def page_plan(source: str, doctree: nodes.document) -> dict:
    """The run plan of one page, from its doctree as ``markers.py`` left it."""
    blocks = [
        {
            "code": block.astext(),
            "line": block.line,
            "code_line": block[CODE_LINE],
            "backend": block.get(BACKEND),
            "skip": block.get(SKIP),
            "expected": block.get(EXPECTED),
            "expected_line": block.get(EXPECTED_LINE),
            "claim": block.get(CLAIM),
            "hidden": bool(block.get(HIDDEN)),
        }
        for block in doctree.findall(nodes.literal_block)
        if block.get(RUNNABLE)
    ]
    problems = [{"line": line, "message": message} for line, message in doctree.get(PROBLEMS, [])]
    problems.sort(key=lambda problem: problem["line"])
    return {
        "format": FORMAT,
        "source": source,
        "backends": list(RUN_BACKENDS),
        "problems": problems,
        "blocks": blocks,
    }


class ExamplesBuilder(Builder):
    name = "examples"
    epilog = "Run plans of the pages' examples are in %(outdir)s."

    def init(self) -> None:
        pass

    def get_outdated_docs(self):
        return self.env.found_docs  # a plan is cheap: write them all, so the set is complete

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname

    def prepare_writing(self, docnames: set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        source = Path(self.env.doc2path(docname)).relative_to(self.srcdir).as_posix()
        path = Path(self.outdir, PAGES, f"{docname}.json")
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(page_plan(source, doctree), indent=1, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")

    def finish(self) -> None:
        pages = {docname: f"{PAGES}/{docname}.json" for docname in sorted(self.env.found_docs)}
        index = {"format": FORMAT, "pages": pages}
        Path(self.outdir, INDEX).write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")


def setup_builder(app: Sphinx) -> None:
    app.add_builder(ExamplesBuilder)
