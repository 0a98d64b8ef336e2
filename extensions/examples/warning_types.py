"""Every kind of warning the examples extension gives, in one enumeration.

Each is logged as ``examples.<subtype>`` with the page and line, so ``suppress_warnings`` can
silence one kind; the table in docs/authoring/examples.md is generated from this enumeration.
"""

from __future__ import annotations

from enum import StrEnum

TYPE = "examples"


class Subtype(StrEnum):
    """A warning subtype, with what it tells an author."""

    def __new__(cls, value: str, meaning: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    PIN = ("pin", "the Keras pin in pyproject.toml is missing or loose: no version stamp")
    BACKEND_TAB = (
        "backend-tab",
        "a backend tab-set misses a backend, repeats one, has an unknown or no ':sync:' key, or "
        "lacks ':sync-group: backend'",
    )
    MARKER = (
        "marker",
        "a '% example:' comment is misspelt, has no reason, or stands where it marks no block",
    )


def warn(logger, message: str, subtype: Subtype, location) -> None:
    logger.warning(message, type=TYPE, subtype=subtype.value, location=location)
