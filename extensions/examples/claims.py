"""Claim checks: code that proves a sentence of the page, run by the example runner.

A sentence that says what Keras does (a default, a behaviour, a difference between backends,
why an output is what it is) can be wrong while every printed output on the page is right. A
claim check ties the sentence to code that asserts it, and the runner runs that code on every
backend with the page's other blocks, in page order and in the same namespace.

Two forms, both carried into the run plan as a block whose ``claim`` field holds the sentence:

- visible: ``% example: claim <sentence>`` on the line above an ordinary python block (the
  marker itself is read by ``markers.py``); the reader sees the block as usual;
- hidden: a ``{claim}`` directive whose argument is the sentence and whose body is the code,
  with an optional ``:backend:`` to run it on one backend only (for a sentence about a backend
  difference). Like ``sphinx.ext.doctest``'s ``testcode`` with ``:hide:``, the reader never
  sees it: the node is dropped from every output but the run plan, and its visitors skip it
  should any builder meet it all the same. A sentence holding backticks needs a ``~~~`` or
  ``:::`` fence: CommonMark reads a backtick fence's opener with a backtick in it as text,
  which this module reports.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..builders import html_visitors
from .convention import (
    BACKEND_KEYS,
    BACKTICK_CLAIM_FENCE,
    MISSING_CLAIM_CODE,
    MISSING_CLAIM_SENTENCE,
)
from .markers import (
    BACKEND,
    CLAIM,
    CODE_LINE,
    HIDDEN,
    RUNNABLE,
    add_problem,
    code_line,
    page_lines,
)
from .warning_types import Subtype

#: The builder that writes run plans: the one place a hidden claim is kept.
PLAN_BUILDER = "examples"
#: A backtick fence opening a {claim} whose sentence holds a backtick. CommonMark allows no
#: backtick in such a fence's info string, so the line opens no fence at all: the "claim" and
#: its code would be published as ordinary text, silently.
BACKTICK_OPENER = re.compile(r"^\s*```+\s*\{claim\}.*`")


class hidden_claim(nodes.literal_block):  # noqa: N801 (docutils names nodes in lower case)
    """A claim check's code: kept for the run plan, never shown."""


def _skip(translator, node) -> None:
    raise nodes.SkipNode


class ClaimDirective(SphinxDirective):
    """``{claim} <the sentence it checks>`` with the check's Python code as its body."""

    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {"backend": lambda value: directives.choice(value, BACKEND_KEYS)}

    def run(self) -> list[nodes.Node]:
        sentence = " ".join(self.arguments).strip()
        code = "\n".join(self.content)
        doctree = self.state.document
        if not sentence:
            add_problem(doctree, self.lineno, MISSING_CLAIM_SENTENCE, Subtype.CLAIM)
        if not code.strip():
            add_problem(doctree, self.lineno, MISSING_CLAIM_CODE, Subtype.CLAIM)
        if not sentence or not code.strip():
            return []
        node = hidden_claim(code, code, language="python", classes=["no-search"])
        node.line = self.lineno
        node[CLAIM] = sentence
        node[HIDDEN] = True
        node[RUNNABLE] = True
        node[BACKEND] = self.options.get("backend")
        node[CODE_LINE] = code_line(page_lines(doctree), node)
        return [node]


def drop_hidden_claims(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Every builder but the run plans' loses the hidden claims before it writes a page.

    ``doctree-resolved`` comes for every page a builder writes, and for the assembled book of
    ``singlehtml`` and ``latex`` too, before the search index or any writer sees the doctree.
    """
    if app.builder.name == PLAN_BUILDER:
        return
    for node in list(doctree.findall(hidden_claim)):
        node.parent.remove(node)


def check_claim_openers(app: Sphinx, doctree: nodes.document) -> None:
    """Report a ``{claim}`` that a backtick in its sentence turned into visible text."""
    for number, line in enumerate(page_lines(doctree), start=1):
        if BACKTICK_OPENER.match(line):
            add_problem(doctree, number, BACKTICK_CLAIM_FENCE, Subtype.CLAIM)


def setup_claims(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        hidden_claim, **html_visitors(*skip), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_directive("claim", ClaimDirective)
    app.connect("doctree-read", check_claim_openers)
    app.connect("doctree-resolved", drop_hidden_claims)
