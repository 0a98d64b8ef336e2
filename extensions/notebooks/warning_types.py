"""Every kind of warning the notebooks extension gives, in one enumeration.

Each is logged as ``notebooks.<subtype>``, so ``suppress_warnings`` can silence one kind; the
table on docs/authoring/notebooks.md is ``{kq-warnings} notebooks``, made from this enumeration.
"""

from __future__ import annotations

from ..warnings_ import Subtypes, warn

TYPE = "notebooks"


class Subtype(Subtypes, kind=TYPE):
    """A warning subtype, with what it tells an author."""

    CONFIG = (
        "config",
        "`kq_notebook_repository` is not `owner/repo@branch` (e.g. "
        '`keras-quest/keras-quest@main`); the pages get no "Open in Colab" link.',
    )
    EXERCISE = (
        "exercise",
        "A code exercise on a track page could not be put into the track's notebook (its "
        "folder under `kq/exercises/` is missing or malformed); the notebook leaves it out.",
    )


__all__ = ["TYPE", "Subtype", "warn"]
