"""A table of the warnings an extension can give, made from its enumeration of subtypes.

Each extension keeps its warning subtypes in one enumeration, a subclass of :class:`Subtypes`
whose members are ``(subtype, meaning)``; its documentation shows them with a directive made by
:func:`warnings_directive`, so the page and the code cannot drift apart. Builder-neutral: a
plain docutils table.
"""

from __future__ import annotations

import re
from enum import Enum, StrEnum

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

CODE = re.compile(r"`([^`]+)`")


class Subtypes(StrEnum):
    """Base of a warning-subtype enumeration: each member is its subtype, with a ``meaning``."""

    def __new__(cls, value: str, meaning: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member


def warner(kind: str):
    """The ``warn(logger, message, subtype, location)`` of an extension whose warnings are
    ``kind.<subtype>``: every warning it logs goes through it, with a member of its enumeration."""

    def warn(logger, message: str, subtype: Subtypes, location, **extra) -> None:
        logger.warning(message, type=kind, subtype=subtype.value, location=location, **extra)

    return warn


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


def warning_table(kind: str, subtypes: type[Enum]) -> nodes.table:
    """``kind.subtype`` and what it means, one row per member of ``subtypes``."""
    table = nodes.table(classes=["kq-warnings"])
    group = nodes.tgroup(cols=2)
    table += group
    # Widths in characters: the text writer lays the table out with them, others as proportions.
    group += nodes.colspec(colwidth=24)
    group += nodes.colspec(colwidth=56)
    head = nodes.thead()
    head += _row([nodes.Text("Warning")], [nodes.Text("Cause")])
    group += head
    body = nodes.tbody()
    for subtype in subtypes:
        body += _row([nodes.literal(text=f"{kind}.{subtype.value}")], _inline(subtype.meaning))
    group += body
    return table


def warnings_directive(kind: str, subtypes: type[Enum]) -> type[SphinxDirective]:
    """A directive without content or options that writes the table of ``subtypes``."""

    class WarningsTable(SphinxDirective):
        has_content = False

        def run(self) -> list[nodes.Node]:
            table = warning_table(kind, subtypes)
            self.set_source_info(table)
            return [table]

    WarningsTable.__name__ = f"{kind.title()}Warnings"
    return WarningsTable
