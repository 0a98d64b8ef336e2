"""Every rule of the course lint, in one enumeration: each is a warning subtype.

The rules that name a track (``track-name``, ``track-number``, ``track-slug``) are the only
checks of the naming rule that ``extensions/course.py`` defines.

A broken rule is logged as ``course.<subtype>`` with the file, the line and how to fix it, so
``suppress_warnings = ["course.<subtype>"]`` switches one rule off. The table on the Contribute
page is generated from this enumeration (the ``{courselint-warnings}`` directive), so the list
of rules there cannot drift from the code.
"""

from __future__ import annotations

from extensions.courselint.collect import DESCRIPTION_LIMIT
from extensions.warnings_ import Subtypes, warn

TYPE = "course"


class Subtype(Subtypes, kind=TYPE):
    """A rule of the course lint, with what breaks it."""

    TRACK_NAME = (
        "track-name",
        "A page under `tracks/` is not named `NN-slug.md` (or a folder `NN-slug/`): two digits, "
        "then lowercase words joined by `-`.",
    )
    TRACK_NUMBER = ("track-number", "Two tracks share a number.")
    TRACK_SLUG = (
        "track-slug",
        "Two tracks share a slug (the words after the number), so learners' progress and track "
        "bonuses would mix up: progress is stored by slug.",
    )
    OBJECTIVES = (
        "objectives",
        "A track does not open with a `## Learning objectives` section.",
    )
    EXERCISE = (
        "exercise",
        "A track has no exercise: no `:::{code-exercise}` and no `:::{exercise}` with its "
        "`:::{solution}`.",
    )
    QUIZ = (
        "quiz",
        "A track has no quiz with at least one question, or the quiz extension is not loaded "
        "so quizzes cannot be checked.",
    )
    SUMMARY = ("summary", "A track has no `## Summary` section.")
    DESCRIPTION = (
        "description",
        "A track's front matter has no `description:`, or one longer than "
        f"{DESCRIPTION_LIMIT} characters.",
    )
    TODO = ("todo", "A track page still holds a `TODO` line from the track template.")
    RAW_HTML = (
        "raw-html",
        "Raw HTML (a tag, an HTML comment, an HTML block or `{raw}`) in a track page whose front "
        "matter has no `raw_html_reviewed: <who reviewed it, and why>` (a comment for authors "
        "is a MyST comment: a line starting with `%`); or a `raw_html_reviewed` that gives "
        "no reason (empty, `true`, `false`, `null`, a number). Raw HTML inside a quiz is never "
        "published, whatever the key says (`quiz.raw-html`).",
    )
    CLAIMS = (
        "claims",
        "A track runs fewer claim checks on some backend than `courselint_min_claims` asks "
        "(8 in this course): see *Runnable examples → Claim checks*.",
    )
    MISCONCEPTIONS = (
        "misconceptions",
        "A track's quiz options carry fewer `{misconception}` tags than "
        "`courselint_min_misconceptions` asks (5 in this course).",
    )
    CODE_EXERCISES = (
        "code-exercises",
        "A track has fewer `{code-exercise}` blocks than `courselint_min_code_exercises` asks "
        "(2 in this course): see *Authoring → Code exercises*.",
    )
    TOCTREE = ("toctree", "A track is missing from the Tracks toctree of `docs/index.md`.")
    ORPHAN = (
        "orphan",
        "Any other page is in no toctree and its front matter does not say `orphan: true`.",
    )


__all__ = ["TYPE", "Subtype", "warn"]
