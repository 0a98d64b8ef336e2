"""Building copies of tests/roots/test-progress (optionally changed) for the progress tests."""

from __future__ import annotations

import html
import json
import re
import runpy
import shutil
from pathlib import Path

from support import build_in_process, sphinx_build

ROOT = Path(__file__).parent / "roots" / "test-progress"
# The test root's course: track slug -> [(question id, xp)], and the questions outside tracks.
TRACKS = {"alpha": [("a-one", 10), ("a-two", 20)], "beta": [("b-one", 15)], "gamma": []}
EXTRA = [("x-one", 10)]
BONUS = 50
#: The test root's level table, in XP (its conf.py).
LEVELS = [tuple(level) for level in runpy.run_path(str(ROOT / "conf.py"))["progress_levels"]]


def copy_root(dest: Path, conf_extra: str = "", files: dict[str, str] | None = None) -> Path:
    """A copy of the test root in ``dest``, with lines added to conf.py and files (re)written."""
    shutil.copytree(ROOT, dest)
    if conf_extra:
        with (dest / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write("\n" + conf_extra + "\n")
    for name, text in (files or {}).items():
        path = dest / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dest


build = build_in_process


def progress_warnings(warnings: str) -> list[str]:
    return [line for line in warnings.splitlines() if "[progress." in line]


def page_data(page: Path) -> dict:
    """The course data one built page loads: the course file its script tag names."""
    script = r'<script defer="defer" src="([^"?]*kq-course\.[0-9a-f]+\.js)[?"]'
    match = re.search(script, page.read_text(encoding="utf-8"))
    assert match, f"no course data on {page}"
    text = (page.parent / html.unescape(match.group(1))).read_text(encoding="utf-8")
    prefix, suffix = "window.KQProgressCourse = ", ";\n"
    assert text.startswith(prefix) and text.endswith(suffix), text[:80]
    return json.loads(text[len(prefix) : -len(suffix)])


def serve_copy(tmp_path_factory, serve_dir, name: str) -> tuple[str, Path]:
    """(base URL, output folder) of a fresh build of the test course, served on 127.0.0.1."""
    src = copy_root(tmp_path_factory.mktemp(name) / "src")
    out = src.parent / "html"
    code, _stdout, stderr = sphinx_build(src, out)
    assert code == 0, stderr
    return serve_dir(out), out


def per_track_xp(data: dict) -> list[int]:
    """What each track pays in full (its questions, its code exercises and the track bonus for a
    track with questions), in course order."""
    exercise_xp = {exercise["id"]: exercise["xp"] for exercise in data.get("exercises", [])}
    return [
        sum(q["xp"] for q in track["questions"])
        + sum(exercise_xp[eid] for eid in track.get("exercises", []))
        + (data["trackBonus"] if track["questions"] else 0)
        for track in data["tracks"]
    ]


def curve_problems(per_track: list[int], thresholds: list[int]) -> list[str]:
    """What is wrong with a level curve for a learner who answers everything right the first
    time, track after track: the top level must come with the last track and not before, the
    first track gives a quick taste, halfway is still far from the top, and each level takes at
    least as long as the one before."""
    from itertools import accumulate

    reached = list(accumulate(per_track))
    top = thresholds[-1]
    level_at = [sum(1 for t in thresholds if xp >= t) for xp in reached]
    steps = [b - a for a, b in zip(thresholds, thresholds[1:], strict=False)]
    problems = []
    if reached[-1] < top:
        problems.append(f"the tracks pay {reached[-1]} XP, the top level needs {top}")
    if len(reached) > 1 and reached[-2] >= top:
        problems.append(f"the top level ({top} XP) is reached before the last track")
    if level_at[0] > 3:
        problems.append(f"the first track alone reaches level {level_at[0]}")
    if level_at[len(reached) // 2] >= len(thresholds) - 2:
        problems.append(f"halfway through, a learner is at level {level_at[len(reached) // 2]}")
    if steps != sorted(steps):
        problems.append(f"level steps should grow: {steps}")
    return problems
