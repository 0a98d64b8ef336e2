"""The progress rules a course can configure: each ``progress_*`` setting declared once.

:class:`ProgressConfig` is the one declaration, in the shape of MyST's ``MdParserConfig`` and
sphinx-design's ``SdConfig``: each field is a setting (``levels`` is ``progress_levels`` in
``conf.py``) with its default, the types Sphinx accepts, a validator and its help text in the
field's metadata. From it come the registered config values (:func:`setup_config`), their
validation (a bad value is a ``progress.config`` warning naming ``conf.py`` and its line, and
the default is used instead, so the browser never gets a broken table), the values the rest of
the extension reads (:meth:`ProgressConfig.from_config`) and the table of settings in the
documentation (``{progress-settings}``, see ``directives.py``).

**The level curve follows the course.** A level's threshold may be a share of the XP the
tracks pay in full (questions and track bonuses), written as a percentage string such as
``"46.5%"``; it becomes XP rounded to 5 once every document is read. The default table is the
course's own curve, so adding a track stretches the curve instead of letting learners reach the
top level early. A threshold written as a whole number is that many XP, whatever the course.
"""

from __future__ import annotations

import dataclasses as dc
import math
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ..warnings_ import warn
from .warning_types import Subtype

#: Settings are ``progress_<field name>`` in conf.py.
PREFIX = "progress_"

#: The course's level curve: (threshold, name), each threshold a share of the XP the tracks pay
#: in full. For the fifteen-track course's 2,785 XP it gives 0, 65, 185, 370, 620, 925, 1,295,
#: 1,730, 2,230 and 2,780 XP: early levels come quickly, each later one takes a little longer,
#: and a learner who answers everything right the first time reaches the top with the last track.
DEFAULT_LEVELS: tuple[tuple[int | str, str], ...] = (
    (0, "Layer Novice"),
    ("2.3%", "Tensor Tinkerer"),
    ("6.6%", "Sequential Stacker"),
    ("13.3%", "Functional Architect"),
    ("22.3%", "Callback Conductor"),
    ("33.2%", "Gradient Wrangler"),
    ("46.5%", "Backend Polyglot"),
    ("62.1%", "Preset Whisperer"),
    ("80.1%", "Hyperband Hunter"),
    ("99.8%", "Export Grandmaster"),
)
#: Thresholds given as shares are rounded to this many XP.
LEVEL_STEP = 5
SHARE = re.compile(r"^\s*(?P<percent>\d+(?:\.\d+)?)\s*%\s*$")

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

STORAGE_KEY = re.compile(r"^[A-Za-z0-9][\w.:-]{0,63}$")


# ---- validators: what is wrong with a value, or None -------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def share_of(threshold: Any) -> float | None:
    """The fraction a threshold such as ``"46.5%"`` stands for, or None if it is not a share."""
    match = SHARE.match(threshold) if isinstance(threshold, str) else None
    return float(match["percent"]) / 100 if match else None


def level_problem(levels: Any) -> str | None:
    """What is wrong with a level table, or None when it is well formed."""
    if not isinstance(levels, (list, tuple)) or not levels:
        return "must be a non-empty list of (minimum XP, name) pairs"
    names: set[str] = set()
    previous: tuple[str, float] | None = None  # (how the last threshold was written, its value)
    for number, entry in enumerate(levels, start=1):
        if not isinstance(entry, (list, tuple)) or len(entry) != 2:
            return f"level {number} is {entry!r}, not a (minimum XP, name) pair"
        threshold, name = entry
        share = share_of(threshold)
        if share is None and (not _is_int(threshold) or threshold < 0):
            return (
                f"level {number} needs {threshold!r} XP; use a whole number of 0 or more, "
                "or a share of the course's XP such as '40%'"
            )
        if not isinstance(name, str) or not name.strip():
            return f"level {number} has no name"
        if number == 1 and (threshold if share is None else share) != 0:
            return f"level 1 must start at 0 XP, not {threshold}"
        if share is not None and share > 1:
            return f"level {number} ({name}) needs {threshold} of the course's XP, more than all"
        kind, value = ("share", share) if share is not None else ("xp", threshold)
        if previous is not None and number > 2 and kind != previous[0]:
            return (
                f"level {number} ({name}) needs {threshold!r}: write every threshold after "
                "level 1 as XP (a whole number) or every one as a share ('40%'), not both"
            )
        if previous is not None and number > 1 and value <= previous[1]:
            return (
                f"level {number} ({name}) needs {threshold} XP, which is not more than "
                f"level {number - 1}"
                if kind == "xp"
                else f"level {number} ({name}) needs {threshold}, which is not more than "
                f"level {number - 1}"
            )
        if name in names:
            return f"level name {name!r} is used twice"
        names.add(name)
        previous = (kind, value)
    return None


def bonus_problem(bonus: Any) -> str | None:
    if not _is_int(bonus) or bonus < 0:
        return f"{bonus!r} must be a whole number of XP, 0 or more"
    return None


def storage_key_problem(key: Any) -> str | None:
    if not isinstance(key, str) or not STORAGE_KEY.match(key):
        return f"{key!r} must be up to 64 letters, digits and . _ : - (a namespaced key)"
    return None


def docname_problem(docname: Any) -> str | None:
    if not isinstance(docname, str):
        return "must be a docname such as 'progress'"
    return None


# ---- the level curve ---------------------------------------------------------------------------


def resolve_levels(levels, tracks_xp: int) -> tuple[tuple[int, str], ...]:
    """The level table in XP: each share of ``tracks_xp`` rounded to :data:`LEVEL_STEP` XP.

    Thresholds stay rising even for a course too small to tell them apart: a level that would
    need no more than the one before needs :data:`LEVEL_STEP` more.
    """
    resolved: list[tuple[int, str]] = []
    for threshold, name in levels:
        share = share_of(threshold)
        if share is None:
            xp = int(threshold)
        else:
            xp = LEVEL_STEP * math.floor(share * tracks_xp / LEVEL_STEP + 0.5)
            if resolved and xp <= resolved[-1][0]:
                xp = resolved[-1][0] + LEVEL_STEP
        resolved.append((xp, str(name)))
    return tuple(resolved)


#: Where :func:`note_tracks_xp` keeps the XP the tracks pay (a private attribute, so Sphinx
#: neither pickles it with the environment nor counts it as a changed setting).
_TRACKS_XP = "_kq_progress_tracks_xp"


def note_tracks_xp(config: Config, tracks_xp: int) -> None:
    """Record what the tracks pay in full, once every document is read (``env-updated``), so
    :meth:`ProgressConfig.from_config` can turn shares of it into XP from then on."""
    setattr(config, _TRACKS_XP, tracks_xp)


# ---- the settings ------------------------------------------------------------------------------


def _setting(default: Any, types: tuple[type, ...], validator, help_text: str, **more) -> dc.Field:
    """A setting: its default, the types conf.py may give, what checks it, and its help text."""
    return dc.field(
        default=default,
        metadata={"types": types, "validator": validator, "help": help_text, **more},
    )


@dc.dataclass(frozen=True)
class ProgressConfig:
    """Every ``progress_*`` setting, declared once; an instance holds one build's values."""

    levels: tuple[tuple[int, str], ...] = _setting(
        DEFAULT_LEVELS,
        (list, tuple),
        level_problem,
        "The levels, as `(threshold, name)` pairs rising from `0`. A threshold is a share of "
        "the XP the tracks pay in full, such as `'46.5%'` (rounded to 5 XP), or a whole number "
        "of XP. The default is the course's curve: the top level comes with the last track.",
        shown="the course's curve, 10 levels from Layer Novice (0) to Export Grandmaster (99.8%)",
    )
    track_bonus: int = _setting(
        50, (int,), bonus_problem, "XP for answering every question of a track correctly."
    )
    storage_key: str = _setting(
        "keras-quest:progress",
        (str,),
        storage_key_problem,
        "The one `localStorage` key progress lives in. Changing it starts every learner afresh.",
    )
    page: str = _setting("progress", (str,), docname_problem, "Docname of the My progress page.")
    review_page: str = _setting("review", (str,), docname_problem, "Docname of the Review page.")

    @classmethod
    def settings(cls) -> tuple[dc.Field, ...]:
        return dc.fields(cls)

    @staticmethod
    def name_of(setting: dc.Field) -> str:
        """The setting's name in conf.py."""
        return PREFIX + setting.name

    @classmethod
    def from_config(cls, config: Config, tracks_xp: int | None = None) -> ProgressConfig:
        """This build's values. Level thresholds given as shares are resolved against
        ``tracks_xp``, by default what the tracks pay as noted once every document is read; while
        documents are still being read only the level names are meaningful."""
        values = {field.name: getattr(config, cls.name_of(field)) for field in cls.settings()}
        if tracks_xp is None:
            tracks_xp = getattr(config, _TRACKS_XP, 0)
        values["levels"] = resolve_levels(values["levels"], tracks_xp)
        return cls(**values)


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


def config_location(confdir: str | Path | None, name: str) -> str | None:
    """'path/conf.py:line' of the (last) assignment to ``name``, or None when conf.py has none.

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
    # The last assignment is the one that counts.
    found = [number for number, line in enumerate(lines, start=1) if pattern.match(line)]
    return f"{path}:{found[-1]}" if found else None


def validate_config(app: Sphinx, config: Config) -> None:
    for setting in ProgressConfig.settings():
        name = ProgressConfig.name_of(setting)
        problem = setting.metadata["validator"](getattr(config, name))
        if problem is None:
            continue
        warn(
            Subtype.CONFIG,
            f"setting {name}: {problem}; using the default {setting.default!r} instead",
            config_location(app.confdir, name),
        )
        setattr(config, name, setting.default)


def setup_config(app: Sphinx) -> None:
    for setting in ProgressConfig.settings():
        # 'html': the values only change what the pages hand to the browser, not the doctrees.
        app.add_config_value(
            ProgressConfig.name_of(setting),
            setting.default,
            "html",
            types=setting.metadata["types"],
            description=setting.metadata["help"],
        )
    app.connect("config-inited", validate_config, priority=400)
