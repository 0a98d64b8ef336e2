"""Every kind of warning the meta extension gives, in one enumeration.

Each is logged as ``meta.<subtype>`` with the page, so ``suppress_warnings`` can silence one
kind. The table on the Contribute page is generated from this enumeration (the
``{meta-warnings}`` directive), so the two cannot drift apart.
"""

from __future__ import annotations

from ..warnings_ import Subtypes, warn

TYPE = "meta"


class Subtype(Subtypes, kind=TYPE):
    """A warning subtype, with what it tells an author."""

    DESCRIPTION = (
        "description",
        "A page's `description:` front matter runs over 300 characters; search engines show "
        "about 160. It is still used: shorten it to one sentence.",
    )


__all__ = ["TYPE", "Subtype", "warn"]
