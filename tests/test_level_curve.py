"""The level curve of the real course: a learner who answers everything right the first time
climbs steadily and reaches the top level with the last track, not halfway through."""

from __future__ import annotations

from itertools import accumulate

from progress_helpers import page_data

COURSE_TRACKS = 15


def _course(site) -> tuple[list[int], list[int]]:
    """(XP each track pays in full, track bonus included; level thresholds)."""
    data = page_data(site.outdir / "index.html")
    per_track = [
        sum(q["xp"] for q in track["questions"]) + data["trackBonus"] for track in data["tracks"]
    ]
    return per_track, [level["xp"] for level in data["levels"]]


def test_the_course_has_fifteen_tracks(site):
    per_track, _levels = _course(site)
    assert len(per_track) == COURSE_TRACKS


def test_the_top_level_is_reached_with_the_last_track_and_not_before(site):
    per_track, levels = _course(site)
    reached = list(accumulate(per_track))
    top = levels[-1]
    assert reached[-1] >= top, f"the course offers {reached[-1]} XP, the top level needs {top}"
    assert reached[-2] < top, f"the top level ({top} XP) is reached before the last track"


def test_every_level_takes_some_learning(site):
    """No level comes for free: a perfect learner passes at most one level per track on average,
    and the last levels each need more than one track's worth of XP than the first."""
    per_track, levels = _course(site)
    reached = list(accumulate(per_track))
    level_at_track_end = [sum(1 for t in levels if xp >= t) for xp in reached]
    assert level_at_track_end[0] <= 3  # Track 1 alone: a quick taste of progress
    assert level_at_track_end[len(reached) // 2] < len(levels) - 2  # halfway: still far from top
    steps = [b - a for a, b in zip(levels, levels[1:], strict=False)]
    assert steps == sorted(steps), f"level steps should grow: {steps}"
