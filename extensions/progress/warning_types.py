"""Every kind of warning the progress extension gives, in one enumeration.

Each is logged as ``progress.<subtype>`` (``suppress_warnings`` can silence one kind); the
table in docs/authoring/progress-format.md is generated from it (``{kq-warnings} progress``).
Track names (numbers, slugs) are the course lint's rules: ``course.<subtype>``.
"""

from __future__ import annotations

from ..warnings_ import Subtypes, warn

TYPE = "progress"


class Subtype(Subtypes, kind=TYPE):
    """A warning subtype, with what it tells a maintainer."""

    CONFIG = (
        "config",
        "A `progress_*` setting in `conf.py` has a bad value; its default is used instead.",
    )
    UNREACHABLE = (
        "unreachable",
        "The course offers less XP than the top level of `progress_levels` needs (a threshold "
        "written as XP; a share of the course's XP is always reachable).",
    )
    PANEL = ("panel", "A `{progress-panel}` names a part that does not exist.")


__all__ = ["TYPE", "Subtype", "warn"]
