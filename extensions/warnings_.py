"""Every warning our extensions give: one registry, one ``warn()``, tables made from it.

Each extension declares its warning subtypes in one enumeration, a subclass of :class:`Subtypes`
that names its warning type, ``class Subtype(Subtypes, kind="quiz")``; each member is
``(subtype, meaning)``. Declaring it registers it (:data:`REGISTRY`), and every warning the
extension logs goes through :func:`warn` with a member, so the log line is always
``kind.subtype`` and ``suppress_warnings = ["kind.subtype"]`` always works. The documentation
shows each table with ``{kq-warnings} kind``, made from the same enumeration, so the pages and
the code cannot drift apart. This follows ``myst_parser/warnings_.py``.

Subtypes are spelled in lowercase words joined by ``-``.
"""

from __future__ import annotations

import re
from enum import StrEnum

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

CODE = re.compile(r"`([^`]+)`")
SPELLING = re.compile(r"[a-z]+(?:-[a-z0-9]+)*")

#: Every warning type (``quiz``, ``course``, …) and the enumeration of its subtypes.
REGISTRY: dict[str, type[Subtypes]] = {}


class Subtypes(StrEnum):
    """Base of a warning-subtype enumeration: each member is its subtype, with a ``meaning``.

    A subclass names its warning type: ``class Subtype(Subtypes, kind="lean")``.
    """

    def __init_subclass__(cls, kind: str | None = None, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if kind is None:
            raise TypeError(f"{cls.__qualname__}: name its warning type, kind='...'")
        if kind in REGISTRY and REGISTRY[kind].__qualname__ != cls.__qualname__:
            raise TypeError(f"warning type {kind!r} is declared twice")
        cls.kind = kind
        REGISTRY[kind] = cls

    def __new__(cls, value: str, meaning: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    @property
    def name_in_log(self) -> str:
        """``kind.subtype``, as ``suppress_warnings`` takes it."""
        return f"{self.kind}.{self.value}"


def warn(subtype: Subtypes, message: str, location=None, *, logger=None, **extra) -> None:
    """Log ``message`` as the warning ``subtype`` (a member of a registered enumeration).

    ``location`` is anything Sphinx's logger takes: a node, ``(docname, line)`` or a path
    string. ``extra`` goes to the logger as is (``once=True``, ``color=...``).
    """
    (logger or _LOGGER).warning(
        message, type=subtype.kind, subtype=subtype.value, location=location, **extra
    )


_LOGGER = logging.getLogger("extensions")


def inline_code(text: str) -> list[nodes.Node]:
    """Text with `code` spans as literals (for a generated table's cells)."""
    parts: list[nodes.Node] = []
    for index, piece in enumerate(CODE.split(text)):
        if piece:
            parts.append(nodes.literal(text=piece) if index % 2 else nodes.Text(piece))
    return parts


def table_row(*cells: list[nodes.Node]) -> nodes.row:
    """A table row, one paragraph per cell."""
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", *cell))
    return row


def warning_table(kind: str) -> nodes.table:
    """``kind.subtype`` and what it means, one row per member of the registered enumeration."""
    subtypes = REGISTRY[kind]
    table = nodes.table(classes=["kq-warnings"])
    group = nodes.tgroup(cols=2)
    table += group
    # Widths in characters: the text writer lays the table out with them, others as proportions.
    group += nodes.colspec(colwidth=24)
    group += nodes.colspec(colwidth=56)
    head = nodes.thead()
    head += table_row([nodes.Text("Warning")], [nodes.Text("Cause")])
    group += head
    body = nodes.tbody()
    for subtype in subtypes:
        body += table_row(
            [nodes.literal(text=f"{kind}.{subtype.value}")], inline_code(subtype.meaning)
        )
    group += body
    return table


class WarningsTable(SphinxDirective):
    """``{kq-warnings} kind``: the table of every warning of one type."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in REGISTRY:
            known = ", ".join(sorted(REGISTRY))
            return [
                self.state.document.reporter.warning(
                    f"kq-warnings: no warning type {kind!r} (known: {known})", line=self.lineno
                )
            ]
        table = warning_table(kind)
        self.set_source_info(table)
        return [table]


def setup(app) -> dict:
    app.add_directive("kq-warnings", WarningsTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
