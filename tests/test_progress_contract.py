"""The contract between the build and the progress script (docs/authoring/progress-format.md).

The course data a real build hands to the browser is fed to the JavaScript core in Node, and
what the core makes of it must be what the Python side meant: every question with its XP, track
and page, the levels, the track bonus and every achievement the build offers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from progress_helpers import BONUS, EXTRA, LEVELS, TRACKS, build, copy_root, page_data

from extensions.progress.config import achievements

MODULES = Path(__file__).resolve().parent.parent / "extensions/progress/js"
# Reads the data with the progress modules, answers every question right on three days running,
# and reports.
READ = """
const js = (name) => import(new URL(name + ".js", process.argv[1]));
const [{ indexCourse }, record, { answer, setGoal }, { unlock }, { mastery }] = await Promise.all(
  ["course", "record", "actions", "achievements", "review"].map(js));
const { freshRecord, level, totalXp, trackStats } = record;
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const course = indexCourse(data);
const days = ["2026-01-01", "2026-01-02", "2026-01-03"];
let state = setGoal(freshRecord(), course, 1, days[0]).state;
const ids = [...course.questions.keys()];
ids.forEach((id, i) => {
  const when = { today: days[Math.min(i, days.length - 1)], now: i + 1 };
  state = answer(state, course, { id, correct: true, attempt: 1, revealed: false }, when).state;
});
const achieved = unlock(state, course, days[2]).concat(Object.keys(state.achievements));
const questions = [...course.questions.values()];
console.log(JSON.stringify({
  xp: Object.fromEntries(questions.map((q) => [q.id, q.xp])),
  page: Object.fromEntries(questions.map((q) => [q.id, q.page])),
  track: Object.fromEntries(questions.filter((q) => q.track).map((q) => [q.id, q.track.slug])),
  about: course.tracks.map((t) => [t.slug, t.about]),
  available: course.tracks.map((t) => [t.slug, trackStats(state, t, data.trackBonus).available]),
  mastery: course.tracks.map((t) => [t.slug, mastery(state, t, days[2]).name]),
  total: totalXp(state),
  level: level(totalXp(state), data.levels),
  achieved: [...new Set(achieved)].sort(),
  goalDays: state.goalDays,
}));
"""


@pytest.fixture(scope="module")
def contract(tmp_path_factory):
    if shutil.which("node") is None:
        pytest.fail("Node.js 18+ is needed for the progress contract test", pytrace=False)
    outdir, _warnings = build(copy_root(tmp_path_factory.mktemp("contract") / "src"), "html")
    data = page_data(outdir / "index.html")
    done = subprocess.run(
        ["node", "--input-type=module", "-e", READ, MODULES.as_uri() + "/"],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
    )
    return outdir, data, json.loads(done.stdout)


def test_every_question_reaches_the_core_with_its_xp_and_track(contract):
    _outdir, _data, read = contract
    expected = {qid: xp for questions in TRACKS.values() for qid, xp in questions}
    assert read["xp"] == {**expected, **dict(EXTRA)}
    assert read["track"] == {
        qid: slug for slug, questions in TRACKS.items() for qid, _xp in questions
    }


def test_track_promises_and_mastery_are_read_as_meant(contract):
    _outdir, _data, read = contract
    assert dict(read["about"]) == {"alpha": "Alpha in one line.", "beta": "", "gamma": ""}
    # Every question answered right once, nothing recalled yet: familiar, or not started.
    assert dict(read["mastery"]) == {
        "alpha": "Familiar",
        "beta": "Familiar",
        "gamma": "Not started",
    }
    assert read["goalDays"] == ["2026-01-01", "2026-01-02", "2026-01-03"]


def test_every_question_page_is_a_built_page(contract):
    outdir, _data, read = contract
    for qid, uri in read["page"].items():
        assert (outdir / uri).is_file(), (qid, uri)


def test_track_totals_and_bonus_are_read_as_meant(contract):
    _outdir, _data, read = contract
    available = {
        slug: sum(xp for _qid, xp in questions) + (BONUS if questions else 0)
        for slug, questions in TRACKS.items()
    }
    assert dict(read["available"]) == available
    everything = sum(xp for questions in TRACKS.values() for _qid, xp in questions)
    earned = everything + sum(xp for _qid, xp in EXTRA)
    bonuses = BONUS * sum(1 for questions in TRACKS.values() if questions)
    assert read["total"] == earned + bonuses


def test_levels_are_the_python_level_table(contract):
    _outdir, data, read = contract
    levels = list(LEVELS)  # the test root's table (its conf.py)
    assert [(level["xp"], level["name"]) for level in data["levels"]] == levels
    reached = max(n for n, (xp, _name) in enumerate(levels, start=1) if read["total"] >= xp)
    assert (read["level"]["number"], read["level"]["name"]) == (reached, levels[reached - 1][1])


def test_every_achievement_the_build_offers_is_one_the_core_can_unlock(contract):
    _outdir, data, read = contract
    offered = achievements(tuple((level["xp"], level["name"]) for level in data["levels"]))
    fields = ("id", "kind", "threshold", "title", "description")
    assert [dict(zip(fields, a, strict=True)) for a in offered] == data["achievements"]
    level_reached = read["level"]["number"]
    expected = sorted(
        aid
        for aid, kind, n, _title, _text in offered
        if kind in ("correct", "perfect", "all")
        or (kind == "streak" and n <= 3)
        or (kind == "level" and n <= level_reached)
    )
    assert read["achieved"] == expected
