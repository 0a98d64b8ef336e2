"""Inline code in the plain-text output without doubled quotes.

Sphinx's text writer puts every inline literal between double quotes, which reads well for
``fit`` ("fit") but doubles the quotes of a literal that is itself a quoted string: ``"mse"``
came out as ""mse"". A literal that already starts and ends with the same quote character keeps
its own quotes and gets none added; every other literal is quoted as before.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

QUOTES = ('"', "'")


def quoted_already(text: str) -> bool:
    """True when ``text`` is a quoted string of its own: ``"mse"``, ``'auto'``."""
    return len(text) >= 2 and text[0] in QUOTES and text[-1] == text[0]


def _quote(self, node: nodes.Element) -> None:
    if not self.in_production_list and not quoted_already(node.astext()):
        self.add_text('"')


def setup_text(app: Sphinx) -> None:
    # A handler for the text writer only; every other writer keeps its own.
    app.add_node(nodes.literal, override=True, text=(_quote, _quote))
