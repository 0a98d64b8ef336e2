"""Every kind of warning the code-exercise extension gives, in one enumeration.

Each is logged as ``exercises.<subtype>`` with the file and line it is about; the table in
``docs/authoring/exercises.md`` is generated from this enumeration (``{kq-warnings} exercises``).
"""

from __future__ import annotations

from ..warnings_ import Subtypes, warn

TYPE = "exercises"


class Subtype(Subtypes, kind=TYPE):
    """A warning subtype, with what it tells an author."""

    UNKNOWN = (
        "unknown",
        "A `{code-exercise}` names an exercise that has no folder under `kq/exercises/`, or "
        "names none.",
    )
    MALFORMED = (
        "malformed",
        "The exercise's folder breaks the format: a missing file, a `check.py` without its "
        'title, `TRACK`, `HINTS` or `check`, a hint that is not `Hint("…", see="…")`, a wrong '
        "answer without `# expect:` or fewer than five of them. The message names the file, "
        "the line and the fix.",
    )
    TRACK = (
        "track",
        "The exercise is placed on a page that is not its track's (its id and `TRACK` say "
        "which track it belongs to).",
    )
    DUPLICATE = (
        "duplicate",
        "One exercise placed twice, on one page or on two: each exercise has one home.",
    )
    SEE = (
        "see",
        'A hint\'s `see="NN-slug#anchor"` names a page or an anchor the course does not have.',
    )
    OPTION = ("option", "An `:xp:` that is not a whole number from 1 to 100.")
    EMPTY = ("empty", "A `{code-exercise}` with no task: its body says what to write.")


__all__ = ["TYPE", "Subtype", "warn"]
