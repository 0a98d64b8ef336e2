"""Code exercises in the course model and the progress data (issue 24, "Back to the game").

The small course in tests/roots/test-progress-exercises has track 1 with one question (a-one,
10 XP) and two code exercises (t1-double, 30 XP by default; t1-triple, 20 XP), and track 2 with
one exercise only (t2-half, 40 XP); track bonus 50. The completion codes the build hands to the
browser must be the ones ``kq check`` prints, and the progress modules must accept them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from progress_helpers import page_data, per_track_xp

from extensions.course import course_of
from extensions.progress.collect import course_of as progress_course_of
from kq.checking import completion_code

ROOT = Path(__file__).parent / "roots" / "test-progress-exercises"
MODULES = Path(__file__).resolve().parent.parent / "extensions/progress/js"
EXERCISES = {"alpha": [("t1-double", 30), ("t1-triple", 20)], "beta": [("t2-half", 40)]}
TITLES = {
    "t1-double": "Double a number",
    "t1-triple": "Triple a number",
    "t2-half": "Halve a number",
}


@pytest.fixture(scope="module")
def site(build_root):
    done = build_root("progress-exercises", "html", "-W")
    assert done.returncode == 0, done.warnings
    return done


def test_each_track_has_its_exercises_in_page_order_with_their_xp(site):
    course = course_of(site.app.env)
    assert {
        track.slug: [(e.eid, e.xp) for e in track.exercises] for track in course.tracks
    } == EXERCISES
    alpha, beta = course.tracks
    assert [e.title for e in alpha.exercises] == ["Double a number", "Triple a number"]
    assert {e.docname for e in alpha.exercises} == {"tracks/01-alpha"}
    assert all(e.code == completion_code(e.eid) for e in course.exercises)
    # A track's XP and the course's count the exercises.
    assert (alpha.questions_xp, alpha.exercises_xp, alpha.xp) == (10, 50, 60)
    assert (beta.questions_xp, beta.xp) == (0, 40)
    assert course.xp == 100


def test_a_track_pays_its_exercises_and_the_bonus_only_for_its_questions(site):
    course = progress_course_of(site.app.env)
    assert [course.track_available(track) for track in course.tracks] == [110, 40]
    assert course.tracks_xp == course.available == 150


def test_the_course_data_carries_each_exercise_and_each_tracks_ids(site):
    data = page_data(site.outdir / "index.html")
    assert [track["exercises"] for track in data["tracks"]] == [
        ["t1-double", "t1-triple"],
        ["t2-half"],
    ]
    assert data["exercises"] == [
        {"id": eid, "title": TITLES[eid], "xp": xp, "code": completion_code(eid)}
        for exercises in EXERCISES.values()
        for eid, xp in exercises
    ]
    assert per_track_xp(data) == [110, 40]


def test_the_course_map_names_the_exercises(site):
    html = site.page("index.html")
    assert "1 question · 2 code exercises · 60 XP + 50 XP track bonus" in html
    assert "1 code exercise · 40 XP<" in html


def test_levels_given_as_shares_count_the_exercises_xp(build_root):
    conf = (ROOT / "conf.py").read_text(encoding="utf-8")
    levels = '\nprogress_levels = [("0%", "Start"), ("50%", "Half"), ("100%", "All")]\n'
    done = build_root("progress-exercises", "html", pages={"conf.py": conf + levels})
    assert done.returncode == 0, done.warnings
    data = page_data(done.outdir / "index.html")
    # The tracks pay 150 XP: 10 + 50 + 50 bonus, and 40.
    assert [level["xp"] for level in data["levels"]] == [0, 75, 150]


def test_a_course_without_the_exercises_extension_has_none(build_root):
    done = build_root("progress", "html")
    assert done.returncode == 0, done.warnings
    assert all(track.exercises == () for track in course_of(done.app.env).tracks)
    data = page_data(done.outdir / "index.html")
    assert data["exercises"] == []
    assert all(track["exercises"] == [] for track in data["tracks"])


# The progress modules in Node, on the data the build wrote: every code solves its exercise,
# typed any way a learner might, and is refused in another exercise's form.
READ = """
const js = (name) => import(new URL(name + ".js", process.argv[1]));
const [{ indexCourse }, { claim }, { solveExercise }, { freshRecord, totalXp, trackStats }] =
  await Promise.all(["course", "exercises", "actions", "record"].map(js));
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const course = indexCourse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
const claims = {};
let state = freshRecord();
for (const { id, code } of course.exercises.values()) {
  const bare = code.toLowerCase().replace(/^kq-/, "").replaceAll("-", "");
  claims[id] = [code, bare, ` ${code} `].map((typed) => claim(course, id, typed).outcome);
  for (const other of course.exercises.values())
    if (other.id !== id) claims[id].push(claim(course, other.id, code).exercise?.id);
  state = solveExercise(state, course, id, "2026-03-10").state;
}
console.log(JSON.stringify({
  claims,
  total: totalXp(state),
  stats: course.tracks.map((t) => [t.slug, trackStats(state, t, course.trackBonus)]),
}));
"""


def test_the_progress_modules_accept_the_codes_the_build_writes(site):
    if shutil.which("node") is None:
        pytest.fail("Node.js 18+ is needed for this test", pytrace=False)
    data = page_data(site.outdir / "index.html")
    done = subprocess.run(
        ["node", "--input-type=module", "-e", READ, MODULES.as_uri() + "/"],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
    )
    read = json.loads(done.stdout)
    for eid, outcomes in read["claims"].items():
        assert outcomes[:3] == ["right"] * 3, eid
        assert outcomes[3:] == [eid, eid], eid  # pasted into the other two forms: "that is for"
    assert read["total"] == 90
    stats = dict(read["stats"])
    assert (stats["alpha"]["solved"], stats["alpha"]["exercises"]) == (2, 2)
    assert (stats["alpha"]["earned"], stats["alpha"]["available"]) == (50, 110)
    assert stats["alpha"]["complete"] is False  # a-one is not answered yet
    assert stats["beta"]["complete"] is True
