"""Progress settings: one source of truth in Python, validated with typed warnings, handed over."""

from __future__ import annotations

import pytest
from progress_helpers import build, copy_root, page_data, progress_warnings

from extensions.progress.config import DEFAULT_LEVELS, level_problem, review_days_problem

ISSUE_LEVELS = [
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
]


def test_default_level_table_is_the_one_in_the_issue():
    assert list(DEFAULT_LEVELS) == ISSUE_LEVELS
    assert level_problem(DEFAULT_LEVELS) is None


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        ([], "must be a non-empty list"),
        ("Novice", "must be a non-empty list"),
        ([(0, "A"), 100], "level 2 is 100, not a (minimum XP, name) pair"),
        ([(0, "A"), (100, "B", 3)], "level 2 is (100, 'B', 3), not a (minimum XP, name) pair"),
        ([(10, "A"), (100, "B")], "level 1 must start at 0 XP, not 10"),
        ([(0, "A"), (100, "B"), (100, "C")], "level 3 (C) needs 100 XP, which is not more than"),
        ([(0, "A"), (-5, "B")], "level 2 needs -5 XP; use a whole number of 0 or more"),
        ([(0, "A"), (50.5, "B")], "level 2 needs 50.5 XP"),
        ([(0, "A"), (True, "B")], "level 2 needs True XP"),
        ([(0, "A"), (100, " ")], "level 2 has no name"),
        ([(0, "A"), (100, "A")], "level name 'A' is used twice"),
    ],
)
def test_malformed_level_tables_are_explained(levels, message):
    assert message in level_problem(levels)


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ([], "must be a non-empty list"),
        ([1, 0], "whole numbers of days above 0"),
        ([1, 2.5], "whole numbers of days above 0"),
        ([1, 4, 2], "must rise from box to box"),
        ([1, 1], "must rise from box to box"),
    ],
)
def test_malformed_review_days_are_explained(days, message):
    assert message in review_days_problem(days)
    assert review_days_problem([1, 3, 7]) is None


def test_the_browser_gets_the_configured_rules_as_data(tmp_path):
    levels = [(0, "Rookie"), (50, "Regular"), (120, "Pro")]
    src = copy_root(
        tmp_path / "src",
        f"progress_levels = {levels!r}\nprogress_track_bonus = 7\nprogress_review_days = [2, 5]\n"
        "progress_storage_key = 'my-course:progress'",
    )
    outdir, warnings = build(src)
    assert progress_warnings(warnings) == []
    data = page_data(outdir / "tracks" / "01-alpha.html")
    assert data["levels"] == [{"xp": xp, "name": name} for xp, name in levels]
    assert data["trackBonus"] == 7
    assert data["reviewDays"] == [2, 5]
    assert data["storageKey"] == "my-course:progress"
    # Level achievements name the level from the table; one beyond the table is not offered.
    achievements = {a["id"]: a for a in data["achievements"]}
    assert "level-5" not in achievements and "level-10" not in achievements
    assert set(achievements) == {
        "first-correct",
        "perfect-track",
        "streak-5",
        "all-tracks",
        "mastered-track",
    }
    # The badge shows the first level's name until the script fills in the learner's own.
    badge = (outdir / "index.html").read_text(encoding="utf-8")
    assert '<span data-kq-b="lv">Lv 1</span>' in badge
    assert '<span class="kq-badge__name" data-kq-b="name"> — Rookie</span>' in badge


BAD_SETTINGS = [
    ("progress_levels", "[(0, 'A'), (0, 'B')]", "level 2 (B) needs 0 XP"),
    ("progress_track_bonus", "-3", "-3 must be a whole number of XP, 0 or more"),
    ("progress_review_days", "[3, 1]", "[3, 1] must rise from box to box"),
    ("progress_storage_key", "'has spaces'", "'has spaces' must be up to 64 letters"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD_SETTINGS)
def test_a_bad_setting_warns_with_conf_py_line_and_falls_back_to_the_default(
    tmp_path, name, value, message
):
    src = copy_root(tmp_path / "src", f"{name} = {value}")
    line = (src / "conf.py").read_text(encoding="utf-8").splitlines().index(f"{name} = {value}") + 1
    outdir, warnings = build(src)
    (warning,) = progress_warnings(warnings)
    assert f"conf.py:{line}: WARNING: setting {name}: " in warning
    assert message in warning
    assert warning.endswith("[progress.config]")
    data = page_data(outdir / "index.html")
    defaults = {
        "progress_levels": ("levels", [{"xp": xp, "name": name} for xp, name in DEFAULT_LEVELS]),
        "progress_track_bonus": ("trackBonus", 50),
        "progress_review_days": ("reviewDays", [1, 2, 4, 8, 16]),
        "progress_storage_key": ("storageKey", "keras-quest:progress"),
    }
    field, default = defaults[name]
    assert data[field] == default


def test_config_warnings_can_be_suppressed_by_subtype(tmp_path):
    src = copy_root(
        tmp_path / "src",
        "progress_track_bonus = -1\nsuppress_warnings.append('progress.config')",
    )
    _outdir, warnings = build(src)
    assert progress_warnings(warnings) == []


def test_unreachable_top_level_is_its_own_warning_subtype(tmp_path):
    # The test root suppresses it (as the course's conf.py does); without that it fires.
    src = copy_root(tmp_path / "src", "suppress_warnings = []")
    _outdir, warnings = build(src)
    (warning,) = progress_warnings(warnings)
    assert "the course offers 155 XP in all (2 tracks with questions, 4 questions" in warning
    assert "Lv 10 Export Grandmaster, needs 4,500 XP" in warning
    assert warning.endswith("[progress.unreachable]")


def test_no_unreachable_warning_when_the_course_offers_enough(tmp_path):
    src = copy_root(
        tmp_path / "src", "suppress_warnings = []\nprogress_levels = [(0, 'A'), (155, 'B')]"
    )
    _outdir, warnings = build(src)
    assert progress_warnings(warnings) == []
    src = copy_root(
        tmp_path / "src2", "suppress_warnings = []\nprogress_levels = [(0, 'A'), (156, 'B')]"
    )
    _outdir, warnings = build(src)
    assert [w for w in progress_warnings(warnings) if "progress.unreachable" in w]
