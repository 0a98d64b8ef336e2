"""The checker and the ``kq`` command, without Keras: results, words, and mistakes of the learner.

The course's exercises themselves (every reference, starter and seeded wrong answer on the three
backends) are run in ``test_exercises.py``.
"""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from kq import checking
from kq.checking import Hint, calling, completion_code, format_result, load_answer, require
from kq.exercise import EXERCISES_DIR, MIN_WRONG, load_all

ROOT = Path(__file__).resolve().parent.parent
TRACKS = ROOT / "docs" / "tracks"
DIRECTIVE = re.compile(r"^:::+\{code-exercise\}\s+(\S+)", re.MULTILINE)


def _check_names(check) -> dict:
    hints = {
        "not-callable": Hint("must be a function", see="07-custom-layers#here"),
        "raises": Hint("it raised"),
    }
    return {"HINTS": hints, "check": check}


def _answer(source: str, path: str = "/tmp/answer.py") -> dict:
    names, failed = load_answer(path, source)
    assert failed is None, failed
    return names


def test_a_passing_answer_gets_its_completion_code():
    def check(answer):
        require(callable(answer.f), "not-callable")

    result = checking.run_check(_check_names(check), _answer("def f():\n    pass\n"), "t7-x")
    assert result.passed and result.code == completion_code("t7-x")
    words = format_result(result, title="X")
    assert "✓ Passed: “X”." in words and result.code in words


def test_a_mistake_gets_its_hint_and_where_the_course_teaches_it():
    def check(answer):
        require(callable(answer.f), "not-callable")

    result = checking.run_check(_check_names(check), _answer("f = 3\n"), "t7-x")
    assert (result.status, result.hint_id) == ("not-yet", "not-callable")
    words = format_result(result, "https://example.org/course/")
    assert words.splitlines()[0] == "✗ Not yet: must be a function"
    assert "See: https://example.org/course/tracks/07-custom-layers.html#here" in words


def test_calling_turns_the_learners_error_into_the_hint_with_the_learners_line():
    def check(answer):
        with calling("raises"):
            answer.f()

    source = "def f():\n    return 1 / 0\n"
    result = checking.run_check(_check_names(check), _answer(source), "t7-x")
    assert result.hint_id == "raises"
    assert result.detail == "ZeroDivisionError: division by zero"
    assert result.lines == [[2, "return 1 / 0"]]
    assert "line 2: return 1 / 0" in format_result(result)


def test_a_missing_name_says_which_name():
    def check(answer):
        answer.Scale()

    result = checking.run_check(_check_names(check), _answer("x = 1\n"), "t7-x")
    assert result.status == "not-yet" and result.hint_id is None
    assert "defines no `Scale`" in result.text


def test_an_error_the_check_did_not_expect_names_the_learners_line():
    def check(answer):
        answer.f()

    result = checking.run_check(
        _check_names(check), _answer("def f():\n    raise KeyError('k')\n"), "t7-x"
    )
    assert result.status == "error" and "line 2 of your code" in result.text
    assert result.detail == "KeyError: 'k'"


def test_a_file_that_does_not_run_is_reported_at_its_line():
    names, failed = load_answer("/tmp/a.py", "x = 1\ny = (\n")
    assert names is None and failed.status == "error"
    assert failed.lines[-1][0] == 2 and "SyntaxError" in failed.detail
    names, failed = load_answer("/tmp/a.py", "import os\nos.no_such_thing()\n")
    assert "stopped at line 2" in failed.text


def test_a_check_naming_a_hint_it_lacks_is_the_authors_error():
    def check(answer):
        require(False, "typo")

    result = checking.run_check(_check_names(check), _answer("x = 1\n"), "t7-x")
    assert result.status == "error" and "'typo'" in result.text


def test_completion_codes_are_short_distinct_and_stable():
    codes = {completion_code(exercise.id) for exercise in load_all()}
    assert len(codes) == len(load_all())
    assert re.fullmatch(r"KQ-[A-Z2-7]{4}-[A-Z2-7]{4}", completion_code("t7-learned-shift"))
    assert completion_code("t7-learned-shift") == completion_code("t7-learned-shift")
    assert completion_code("t7-learned-shift") != completion_code("t7-learned-shifts")


def test_the_checker_is_self_contained_for_notebooks():
    """A notebook carries kq/checking.py's source: it may import the standard library only."""
    source = Path(checking.__file__).read_text(encoding="utf-8")
    imports = re.findall(r"^(?:from|import) (\w+)", source, re.MULTILINE)
    assert set(imports) <= set(sys.stdlib_module_names) | {"__future__"}, imports


# ---- the course's exercises -------------------------------------------------------------------


def test_every_exercise_is_well_formed():
    problems = [str(problem) for exercise in load_all() for problem in exercise.problems]
    assert not problems, "\n".join(problems)


def test_an_exercise_is_read_again_when_a_file_changes_even_within_a_clock_tick(tmp_path):
    import shutil

    from kq.exercise import load

    folder = tmp_path / "t7-learned-shift"
    shutil.copytree(EXERCISES_DIR / "t7-learned-shift", folder)
    first = load(folder)
    assert load(folder) is first and not first.problems  # unchanged: not parsed again
    check = folder / "check.py"
    text = check.read_text(encoding="utf-8")
    stat = check.stat()
    check.write_text(text.replace("TRACK = 7", "TRACK = 8"), encoding="utf-8")  # same size
    os.utime(check, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    again = load(folder)
    assert again is not first and again.track == 8
    assert any("TRACK = 8" in problem.message for problem in again.problems)


def test_every_track_has_its_exercises_and_each_is_on_its_track_page():
    """The course's floor (conf.py's ``courselint_min_code_exercises``, which the course lint
    also checks in every build) against the pages, and each exercise placed once, on its track."""
    conf = runpy.run_path(str(ROOT / "conf.py"))
    floor = conf["courselint_min_code_exercises"]
    placed: dict[str, list[str]] = {}
    for page in sorted(TRACKS.glob("*.md")):
        for exercise_id in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            placed.setdefault(exercise_id, []).append(page.stem)
    exercises = load_all()
    for exercise in exercises:
        pages = placed.get(exercise.id, [])
        assert len(pages) == 1, f"{exercise.id} is placed on {pages or 'no page'}: place it once"
        assert pages[0].startswith(f"{exercise.track:02d}-"), (exercise.id, pages)
    per_track = {int(page.stem[:2]): 0 for page in TRACKS.glob("*.md")}
    for exercise in exercises:
        per_track[exercise.track] += 1
    short = {track: count for track, count in per_track.items() if count < floor}
    assert not short, f"tracks with fewer than {floor} code exercises: {short}"
    assert len(exercises) >= 30
    assert all(len(exercise.wrong) >= MIN_WRONG for exercise in exercises)


# ---- the command, as a learner types it -------------------------------------------------------


def kq(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kq", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )


def test_kq_list_shows_every_exercise_by_track(tmp_path):
    done = kq("list", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for exercise in load_all():
        line = rf"^  {re.escape(exercise.id)}\s+{re.escape(exercise.title)}$"
        assert re.search(line, done.stdout, re.MULTILINE)
    assert "Track 7" in done.stdout


def test_kq_start_writes_the_starter_and_never_overwrites(tmp_path):
    done = kq("start", "t7-learned-shift", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = tmp_path / "t7-learned-shift.py"
    assert written.read_text() == (EXERCISES_DIR / "t7-learned-shift" / "starter.py").read_text()
    again = kq("start", "t7-learned-shift", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("check", "t7-learned-shif", "a.py"),
            "there is no exercise 't7-learned-shif'. Did you mean t7-learned-shift?",
        ),
        (("check", "t7-learned-shift", "missing.py"), "missing.py: no such file"),
        (("check", "t7-learned-shift", "folder"), "folder is a folder"),
        (("check", "t7-learned-shift", "latin1.py"), "latin1.py is not UTF-8 text"),
        (
            ("check", "t7-learned-shift", "a.py", "--backend", "mxnet"),
            "'mxnet' is not a backend the course checks on",
        ),
        (("start", "nope"), "there is no exercise 'nope'"),
    ],
    ids=["unknown-id", "missing-file", "folder", "not-utf8", "unknown-backend", "start-unknown"],
)
def test_kq_explains_what_the_learner_typed_wrong_without_a_traceback(tmp_path, args, message):
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "folder").mkdir()
    (tmp_path / "latin1.py").write_bytes("café = 1\n".encode("latin-1"))
    done = kq(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("kq: ") and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_kq_names_a_backend_from_the_environment_that_is_not_one(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    done = kq("check", "t7-learned-shift", "a.py", cwd=tmp_path, env={"KERAS_BACKEND": "numpy"})
    assert done.returncode == 2 and "from KERAS_BACKEND" in done.stderr, done.stderr
