"""Every kind of warning the examples extension gives, in one enumeration.

Each is logged as ``examples.<subtype>`` with the page and line, so ``suppress_warnings`` can
silence one kind. The table in docs/authoring/examples.md is generated from this enumeration
(the ``{examples-warnings}`` directive), so the two cannot drift apart.
"""

from __future__ import annotations

from ..warnings_ import Subtypes, warn

TYPE = "examples"


class Subtype(Subtypes, kind=TYPE):
    """A warning subtype, with what it tells an author."""

    PIN = (
        "pin",
        "The `keras==X.Y.Z` pin in `pyproject.toml` is missing or not one exact version; track "
        "pages get no version stamp.",
    )
    BACKEND_TAB = (
        "backend-tab",
        "A backend tab-set misses a backend, repeats one, has a tab with an unknown or no "
        "`:sync:` key, or is keyed by backends but lacks `:sync-group: backend`.",
    )
    MARKER = (
        "marker",
        "A `% example:` comment that is misspelt, a `skip` without a reason, a `claim` without "
        "its sentence, or a marker that stands where it marks no block.",
    )
    CLAIM = (
        "claim",
        "A `{claim}` directive without the sentence it checks or without code to check it, or "
        "a backtick fence whose sentence holds a backtick (it would be shown, not run).",
    )


__all__ = ["TYPE", "Subtype", "warn"]
