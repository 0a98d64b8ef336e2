"""Every kind of warning the mathml extension gives, in one enumeration.

Each is logged as ``mathml.<subtype>`` with the file and line, so ``suppress_warnings`` can
silence one kind. The table on the Contribute page is generated from this enumeration (the
``{mathml-warnings}`` directive), so the two cannot drift apart.
"""

from __future__ import annotations

from ..warnings_ import Subtypes, warn

TYPE = "mathml"


class Subtype(Subtypes, kind=TYPE):
    """A warning subtype, with what it tells an author."""

    SYNTAX = (
        "syntax",
        "LaTeX math that docutils cannot turn into MathML (a typo such as `\\frac{a}` with one "
        "argument, or an unsupported command); the page shows the source as code instead.",
    )


__all__ = ["TYPE", "Subtype", "warn"]
