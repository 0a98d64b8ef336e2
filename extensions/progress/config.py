"""The progress rules a course can configure, declared once with their defaults and validated.

Python owns these values; the browser receives them as data (see ``assets.py``). Each value is
checked on ``config-inited``: a bad one is reported as a typed warning ``progress.config`` naming
conf.py and the line, and the default is used instead, so the browser never gets a broken table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .warning_types import TYPE, Subtype

logger = logging.getLogger(__name__)

DEFAULT_LEVELS: tuple[tuple[int, str], ...] = (
    (0, "Layer Novice"),
    (100, "Tensor Tinkerer"),
    (300, "Sequential Stacker"),
    (600, "Functional Architect"),
    (1000, "Callback Conductor"),
    (1500, "Gradient Wrangler"),
    (2100, "Backend Polyglot"),
    (2800, "Preset Whisperer"),
    (3600, "Hyperband Hunter"),
    (4500, "Export Grandmaster"),
)

# Achievements: (id, kind, n, title, description). The kinds are implemented in progress-core.js
# (`unlock`); ids are stored in the learner's browser, so never rename one.
ACHIEVEMENTS: tuple[tuple[str, str, int, str, str], ...] = (
    ("first-correct", "correct", 0, "First steps", "Answer a question correctly."),
    (
        "perfect-track",
        "perfect",
        0,
        "Flawless",
        "Answer every question of a track right first time.",
    ),
    ("streak-5", "streak", 5, "On a roll", "Meet your daily goal 5 days in a row."),
    ("level-5", "level", 5, "Halfway up", "Reach level 5."),
    ("level-10", "level", 10, "Top of the table", "Reach level 10."),
    ("all-tracks", "all", 0, "Course complete", "Finish every track."),
    ("mastered-track", "mastered", 0, "Mastered", "Bring a track to Mastered."),
)


@dataclass(frozen=True)
class Setting:
    default: Any
    types: frozenset[type]
    description: str


SETTINGS: dict[str, Setting] = {
    "progress_levels": Setting(
        DEFAULT_LEVELS,
        frozenset({list, tuple}),
        "Levels as (minimum XP, name) pairs, the first at 0 XP, thresholds rising.",
    ),
    "progress_track_bonus": Setting(
        50, frozenset({int}), "XP for answering every question of a track correctly."
    ),
    "progress_review_days": Setting(
        (1, 2, 4, 8, 16),
        frozenset({list, tuple}),
        "Days until a question in review box 1, 2, ... is due again (rising).",
    ),
    "progress_storage_key": Setting(
        "keras-quest:progress", frozenset({str}), "The one localStorage key progress lives in."
    ),
    "progress_page": Setting("progress", frozenset({str}), "Docname of the My progress page."),
    "progress_review_page": Setting("review", frozenset({str}), "Docname of the Review page."),
}

STORAGE_KEY = re.compile(r"^[A-Za-z0-9][\w.:-]{0,63}$")


@dataclass(frozen=True)
class ProgressConfig:
    levels: tuple[tuple[int, str], ...]
    track_bonus: int
    review_days: tuple[int, ...]
    storage_key: str
    page: str
    review_page: str

    @classmethod
    def from_config(cls, config: Config) -> ProgressConfig:
        return cls(
            levels=tuple((int(xp), str(name)) for xp, name in config.progress_levels),
            track_bonus=config.progress_track_bonus,
            review_days=tuple(config.progress_review_days),
            storage_key=config.progress_storage_key,
            page=config.progress_page,
            review_page=config.progress_review_page,
        )


def achievements(levels: tuple[tuple[int, str], ...]) -> list[tuple[str, str, int, str, str]]:
    """The achievements this course offers; a level achievement beyond the table is left out."""
    offered = []
    for aid, kind, n, title, description in ACHIEVEMENTS:
        if kind == "level":
            if n > len(levels):
                continue
            description = f"Reach level {n}, {levels[n - 1][1]}."
        offered.append((aid, kind, n, title, description))
    return offered


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def level_problem(levels: Any) -> str | None:
    """What is wrong with a level table, or None when it is well formed."""
    if not isinstance(levels, (list, tuple)) or not levels:
        return "must be a non-empty list of (minimum XP, name) pairs"
    names: set[str] = set()
    previous = None
    for number, entry in enumerate(levels, start=1):
        if not isinstance(entry, (list, tuple)) or len(entry) != 2:
            return f"level {number} is {entry!r}, not a (minimum XP, name) pair"
        xp, name = entry
        if not _is_int(xp) or xp < 0:
            return f"level {number} needs {xp!r} XP; use a whole number of 0 or more"
        if not isinstance(name, str) or not name.strip():
            return f"level {number} has no name"
        if number == 1 and xp != 0:
            return f"level 1 must start at 0 XP, not {xp}"
        if previous is not None and xp <= previous:
            return (
                f"level {number} ({name}) needs {xp} XP, which is not more than level {number - 1}"
            )
        if name in names:
            return f"level name {name!r} is used twice"
        names.add(name)
        previous = xp
    return None


def review_days_problem(days: Any) -> str | None:
    if not isinstance(days, (list, tuple)) or not days:
        return "must be a non-empty list of days, for example [1, 2, 4, 8, 16]"
    if not all(_is_int(day) and day > 0 for day in days):
        return f"{list(days)!r} must contain whole numbers of days above 0"
    if any(later <= earlier for earlier, later in zip(days, days[1:], strict=False)):
        return f"{list(days)!r} must rise from box to box"
    return None


def _problems(config: Config) -> dict[str, str]:
    problems = {
        "progress_levels": level_problem(config.progress_levels),
        "progress_review_days": review_days_problem(config.progress_review_days),
    }
    bonus = config.progress_track_bonus
    if not _is_int(bonus) or bonus < 0:
        problems["progress_track_bonus"] = f"{bonus!r} must be a whole number of XP, 0 or more"
    key = config.progress_storage_key
    if not isinstance(key, str) or not STORAGE_KEY.match(key):
        problems["progress_storage_key"] = (
            f"{key!r} must be up to 64 letters, digits and . _ : - (a namespaced key)"
        )
    for name in ("progress_page", "progress_review_page"):
        if not isinstance(getattr(config, name), str):
            problems[name] = "must be a docname such as 'progress'"
    return {name: text for name, text in problems.items() if text}


def config_location(confdir: str | Path | None, name: str) -> str | None:
    """'path/conf.py:line' of the assignment to ``name``, or None when conf.py does not set it.

    (Sphinx would read a location without a line number as a docname.)
    """
    if not confdir:
        return None
    path = Path(confdir) / "conf.py"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    pattern = re.compile(rf"^{re.escape(name)}\s*[:=]")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return f"{path}:{number}"
    return None


def validate_config(app: Sphinx, config: Config) -> None:
    for name, problem in _problems(config).items():
        logger.warning(
            "setting %s: %s; using the default %r instead",
            name,
            problem,
            SETTINGS[name].default,
            type=TYPE,
            subtype=Subtype.CONFIG,
            location=config_location(app.confdir, name),
        )
        setattr(config, name, SETTINGS[name].default)


def setup_config(app: Sphinx) -> None:
    for name, setting in SETTINGS.items():
        # 'html': the values only change what the pages hand to the browser, not the doctrees.
        app.add_config_value(
            name, setting.default, "html", types=setting.types, description=setting.description
        )
    app.connect("config-inited", validate_config, priority=400)
