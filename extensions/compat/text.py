"""Inline code in the plain-text output without doubled quotes.

Sphinx's text writer puts every inline literal between double quotes, which reads well for
``fit`` ("fit") but doubles the quotes of a literal that is itself a quoted string: ``"mse"``
came out as ""mse"", and ``jit_compile="auto"`` as "jit_compile="auto"". So a literal that
already starts and ends with the same quote character keeps its own quotes and gets none added;
one that holds a double quote (and no single one) goes between single quotes
('jit_compile="auto"'); every other literal is quoted as before.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

QUOTES = ('"', "'")


def quoted_already(text: str) -> bool:
    """True when ``text`` is a quoted string of its own: ``"mse"``, ``'auto'``."""
    return len(text) >= 2 and text[0] in QUOTES and text[-1] == text[0]


def quote_for(text: str) -> str:
    """The quote character to put around the inline literal ``text`` ("" for none)."""
    if quoted_already(text):
        return ""
    if '"' in text and "'" not in text:
        return "'"
    return '"'


def _quote(self, node: nodes.Element) -> None:
    if not self.in_production_list:
        self.add_text(quote_for(node.astext()))


def setup_text(app: Sphinx) -> None:
    # A handler for the text writer only; every other writer keeps its own.
    app.add_node(nodes.literal, override=True, text=(_quote, _quote))
