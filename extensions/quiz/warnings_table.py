"""``{quiz-warnings}``: the table of every warning the quiz can give, made from ``SUBTYPES``."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .problems import SUBTYPES

CODE = re.compile(r"`([^`]+)`")


def _inline(text: str) -> list[nodes.Node]:
    """Text with `code` spans as literals."""
    parts: list[nodes.Node] = []
    for index, piece in enumerate(CODE.split(text)):
        if piece:
            parts.append(nodes.literal(text=piece) if index % 2 else nodes.Text(piece))
    return parts


def _row(*cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", *cell))
    return row


class QuizWarnings(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        table = nodes.table(classes=["kq-warnings"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=3)
        head = nodes.thead()
        head += _row([nodes.Text("Warning")], [nodes.Text("Cause")])
        group += head
        body = nodes.tbody()
        for subtype, meaning in SUBTYPES.items():
            body += _row([nodes.literal(text=f"quiz.{subtype}")], _inline(meaning))
        group += body
        self.set_source_info(table)
        return [table]
