"""The level curve: a learner who answers everything right the first time climbs steadily and
reaches the top level with the last track, not halfway through, however many tracks there are.

The default levels are shares of what the tracks pay (``extensions/progress/config.py``), so
adding a track stretches the curve: no test here knows how many tracks the course has.
"""

from __future__ import annotations

import shutil

import pytest
from progress_helpers import curve_problems, page_data, per_track_xp

from extensions.progress.config import DEFAULT_LEVELS, resolve_levels
from support import DOCS, ROOT, sphinx_build
from tools import new_track

#: What one track of the course pays in full, roughly (questions and the 50 XP bonus).
TYPICAL_TRACKS = [185, 160, 200, 170, 200, 180, 190, 190, 180, 180, 210, 190, 180, 190, 180]


def _thresholds(per_track: list[int]) -> list[int]:
    return [xp for xp, _name in resolve_levels(DEFAULT_LEVELS, sum(per_track))]


@pytest.mark.parametrize("count", [10, 15, 16, 17, 20, 30, 50, 99])
def test_the_default_curve_fits_the_course_as_it_grows(count):
    """From ten tracks up (fewer, and the first track alone is a big share of the course)."""
    per_track = (TYPICAL_TRACKS * 7)[:count]
    assert curve_problems(per_track, _thresholds(per_track)) == []


def test_the_check_fails_a_curve_in_xp_that_a_new_track_outgrows():
    """What used to happen: levels tuned in XP for 15 tracks, and a 16th arrives."""
    tuned = [0, 65, 185, 370, 620, 925, 1295, 1730, 2230, 2780]
    assert curve_problems(TYPICAL_TRACKS, tuned) == []
    sixteen = [*TYPICAL_TRACKS, 185]
    assert curve_problems(sixteen, tuned) == [
        "the top level (2780 XP) is reached before the last track"
    ]
    assert curve_problems(sixteen, _thresholds(sixteen)) == []


def test_the_course_climbs_steadily(whole_course):
    data = page_data(whole_course.outdir / "index.html")
    per_track = per_track_xp(data)
    thresholds = [level["xp"] for level in data["levels"]]
    assert thresholds == _thresholds(per_track)
    assert curve_problems(per_track, thresholds) == []


@pytest.mark.slow
def test_a_new_track_from_the_scaffold_keeps_the_curve(tmp_path):
    """Copy the course, add a track as a contributor would, build: the curve still holds."""
    docs = tmp_path / "course" / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build"))
    shutil.copy2(ROOT / "CONTRIBUTING.md", docs.parent / "CONTRIBUTING.md")  # contribute.md
    page = new_track.create_track("Graph Neural Networks", docs)
    code, _stdout, stderr = sphinx_build(
        docs, tmp_path / "html", "html", "-j", "auto", confdir=ROOT, fresh_process=True
    )
    assert code == 0, stderr
    # The new track's template lines, and the claim checks, misconception tags and code exercises
    # it does not have yet, are the only things the build complains about.
    expected = (
        "[course.todo]",
        "[course.claims]",
        "[course.misconceptions]",
        "[course.code-exercises]",
    )
    problems = [line for line in stderr.splitlines() if "WARNING" in line]
    assert problems and all(line.endswith(expected) for line in problems), problems
    data = page_data(tmp_path / "html" / "index.html")
    assert data["tracks"][-1]["slug"] == page.stem.split("-", 1)[1]
    per_track = per_track_xp(data)
    assert per_track[-1] > 0  # the template's quiz pays XP
    thresholds = [level["xp"] for level in data["levels"]]
    assert thresholds == _thresholds(per_track)
    assert curve_problems(per_track, thresholds) == []
