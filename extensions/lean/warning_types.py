"""Every kind of warning the lean extension gives, in one enumeration.

Each is logged as ``lean.<subtype>``, so ``suppress_warnings`` can silence one kind. The table on
the Contribute page is generated from this enumeration (the ``{lean-warnings}`` directive).
"""

from __future__ import annotations

from ..warnings_ import Subtypes, warn

TYPE = "lean"


class Subtype(Subtypes, kind=TYPE):
    """A warning subtype, with what it tells a maintainer."""

    THEME = (
        "theme",
        "The theme no longer ships something the way `extensions/lean` expects (a script tag it "
        "removes or defers, the search index, the icon rules or webfonts it slims): update "
        "`extensions/lean` for the new theme before icons or search break silently.",
    )
    STYLESHEET = (
        "stylesheet",
        "A page's stylesheets could not all be joined into its one stylesheet: a linked file is "
        "missing from `_static`, or an `@import` has a media query or points to another site "
        "(it is then kept, at the top of the joined file). Fix the stylesheet or its link.",
    )


__all__ = ["TYPE", "Subtype", "warn"]
