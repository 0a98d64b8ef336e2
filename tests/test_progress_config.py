"""Progress settings: one source of truth in Python, validated with typed warnings, handed over."""

from __future__ import annotations

import pytest
from progress_helpers import BONUS, LEVELS, TRACKS, build, copy_root, page_data, progress_warnings
from progress_helpers import ROOT as PROGRESS_ROOT

from extensions.progress.config import (
    DEFAULT_LEVELS,
    ProgressConfig,
    config_location,
    level_problem,
    resolve_levels,
)
from support import ROOT

#: What the test root's tracks pay in full: the 100% of a level curve given in shares.
TRACKS_XP = sum(sum(xp for _qid, xp in qs) + (BONUS if qs else 0) for qs in TRACKS.values())


def test_the_default_level_table_is_the_course_curve_and_the_course_uses_it():
    assert level_problem(DEFAULT_LEVELS) is None
    # The fifteen-track course's 2,785 XP give the thresholds it was tuned to...
    thresholds = [xp for xp, _name in resolve_levels(DEFAULT_LEVELS, 2785)]
    assert thresholds == [0, 65, 185, 370, 620, 925, 1295, 1730, 2230, 2780]
    # ...and conf.py sets no table of its own, so no copy can drift from the course's curve.
    assert config_location(ROOT, "progress_levels") is None


def test_shares_stretch_with_the_course_and_stay_rising():
    names = [name for _xp, name in DEFAULT_LEVELS]
    bigger = resolve_levels(DEFAULT_LEVELS, 2785 + 190)  # one more track's worth
    assert [name for _xp, name in bigger] == names
    assert bigger[-1][0] == 2970 and all(xp % 5 == 0 for xp, _name in bigger)
    # A course too small to tell levels apart still gets rising thresholds.
    tiny = [xp for xp, _name in resolve_levels(DEFAULT_LEVELS, 20)]
    assert tiny == sorted(set(tiny)) and tiny[0] == 0
    # Thresholds written as XP are kept as they are.
    assert resolve_levels(LEVELS, 10) == tuple(LEVELS)


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
        ([("5%", "A"), ("10%", "B")], "level 1 must start at 0 XP, not 5%"),
        ([(0, "A"), ("50%", "B"), ("40%", "C")], "level 3 (C) needs 40%, which is not more"),
        ([(0, "A"), ("120%", "B")], "needs 120% of the course's XP, more than all"),
        ([(0, "A"), ("10%", "B"), (300, "C")], "write every threshold after level 1 as XP"),
        ([(0, "A"), ("ten %", "B")], "or a share of the course's XP such as '40%'"),
    ],
)
def test_malformed_level_tables_are_explained(levels, message):
    assert message in level_problem(levels)


def test_the_browser_gets_the_configured_rules_as_data(tmp_path):
    levels = [(0, "Rookie"), (50, "Regular"), (120, "Pro")]
    src = copy_root(
        tmp_path / "src",
        f"progress_levels = {levels!r}\nprogress_track_bonus = 7\n"
        "progress_storage_key = 'my-course:progress'",
    )
    outdir, warnings = build(src)
    assert progress_warnings(warnings) == []
    data = page_data(outdir / "tracks" / "01-alpha.html")
    assert data["levels"] == [{"xp": xp, "name": name} for xp, name in levels]
    assert data["trackBonus"] == 7
    assert "reviewDays" not in data  # FSRS (issue 26) replaced the review boxes
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
        "progress_levels": (
            "levels",
            [{"xp": xp, "name": name} for xp, name in resolve_levels(DEFAULT_LEVELS, TRACKS_XP)],
        ),
        "progress_track_bonus": ("trackBonus", 50),
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


def test_the_default_curve_is_the_test_roots_own(tmp_path):
    """Shares become XP of this course: the top level comes with everything the tracks pay."""
    # The test root's conf.py sets a table in XP; without it, the default applies.
    src = copy_root(tmp_path / "src", "suppress_warnings = []\ndel progress_levels")
    outdir, warnings = build(src)
    assert progress_warnings(warnings) == []
    levels = [(level["xp"], level["name"]) for level in page_data(outdir / "index.html")["levels"]]
    assert levels == list(resolve_levels(DEFAULT_LEVELS, TRACKS_XP))
    assert TRACKS_XP == 145 and levels[1] == (5, "Tensor Tinkerer") and levels[-1][0] == 145


def test_unreachable_top_level_is_its_own_warning_subtype(tmp_path):
    # The test root suppresses it; with its table in XP, beyond the course, it fires.
    src = copy_root(tmp_path / "src", f"suppress_warnings = []\nprogress_levels = {LEVELS!r}")
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


def test_each_setting_is_declared_once_and_registered_from_the_declaration(build_root):
    conf = (PROGRESS_ROOT / "conf.py").read_text(encoding="utf-8")
    done = build_root("progress", "html", pages={"conf.py": conf + "\nprogress_track_bonus = 9\n"})
    assert done.returncode == 0, done.warnings
    config = done.app.config
    registered = {name for name in config._options if name.startswith("progress_")}
    declared = {ProgressConfig.name_of(setting) for setting in ProgressConfig.settings()}
    assert registered == declared
    for setting in ProgressConfig.settings():
        assert setting.metadata["help"] and setting.metadata["types"]
        assert setting.metadata["validator"](setting.default) is None, setting.name
    assert ProgressConfig.from_config(config).track_bonus == 9


def test_the_settings_table_lists_every_setting_with_its_default_and_meaning(tmp_path):
    src = copy_root(
        tmp_path / "src", files={"extra.md": "# Extra\n\n```{progress-settings}\n```\n"}
    )
    outdir, warnings = build(src, "text")
    assert progress_warnings(warnings) == []
    text = " ".join((outdir / "extra.txt").read_text(encoding="utf-8").replace('"', "").split())
    for setting in ProgressConfig.settings():
        assert text.count(ProgressConfig.name_of(setting)) == 1, setting.name
        first_words = " ".join(setting.metadata["help"].replace("`", "").split()[:4])
        assert first_words in text, setting.name
    assert "keras-quest:progress" in text and "the course's curve" in text
