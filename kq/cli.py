"""The ``kq`` command: the course's code exercises, checked on your own machine.

    kq list                              the exercises, by track
    kq start t7-learned-shift [FILE]     copy an exercise's starter code to FILE to work in
    kq check t7-learned-shift FILE       check FILE on the active Keras backend
    kq check t7-learned-shift FILE --backend torch
    kq check t7-learned-shift FILE --all-backends

A passed check prints a completion code; paste it into the exercise on the course page.
Mistakes in what you typed (an unknown exercise, a missing file, a backend that is not
installed) are explained in one line and exit with status 2; a check that does not pass exits
with status 1.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import os
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from kq.checking import format_result
from kq.exercise import Exercise, load_all
from kq.runner import BACKENDS

#: The module each backend needs, and what to install when it is missing.
BACKEND_MODULES = {"jax": "jax", "tensorflow": "tensorflow", "torch": "torch"}
CHECK_TIMEOUT = 600.0


class UsageError(Exception):
    """Something the learner typed cannot work; the message says what to do instead."""


def course_url() -> str | None:
    """The published course's address, from the package's metadata (pyproject's Homepage)."""
    try:
        urls = metadata.metadata("keras-quest").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        name, _, url = entry.partition(",")
        if name.strip().lower() == "homepage":
            return url.strip()
    return None


def _exercises() -> dict[str, Exercise]:
    return {exercise.id: exercise for exercise in load_all() if not exercise.problems}


def _find(exercise_id: str) -> Exercise:
    exercises = _exercises()
    if exercise_id in exercises:
        return exercises[exercise_id]
    close = difflib.get_close_matches(exercise_id, list(exercises), n=1)
    also = f" Did you mean {close[0]}?" if close else ""
    raise UsageError(f"there is no exercise {exercise_id!r}.{also} `kq list` shows them all.")


def _installed(backend: str) -> bool:
    return importlib.util.find_spec(BACKEND_MODULES[backend]) is not None


def active_backend() -> str:
    """The backend Keras would use here: $KERAS_BACKEND, else keras.json, else tensorflow."""
    chosen = os.environ.get("KERAS_BACKEND")
    if not chosen:
        home = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras")
        try:
            chosen = json.loads((home / "keras.json").read_text()).get("backend")
        except (OSError, ValueError, AttributeError):
            chosen = None
    return chosen or "tensorflow"


def cmd_list(_args) -> int:
    exercises = sorted(_exercises().values(), key=lambda e: (e.track or 0, e.id))
    if not exercises:
        print("No exercises found.")
        return 0
    width = max(len(exercise.id) for exercise in exercises)
    track = None
    for exercise in exercises:
        if exercise.track != track:
            track = exercise.track
            print(f"\nTrack {track}")
        print(f"  {exercise.id:<{width}}  {exercise.title}")
    print("\nStart one with `kq start <id>`, check it with `kq check <id> <file>`.")
    return 0


def cmd_start(args) -> int:
    exercise = _find(args.exercise)
    target = Path(args.file or f"{exercise.id}.py")
    if target.exists():
        raise UsageError(f"{target} already exists; name another file: kq start {exercise.id} FILE")
    try:
        target.write_text(exercise.starter.read_text(encoding="utf-8"), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"Wrote {target}: “{exercise.title}”. When it is done: kq check {exercise.id} {target}")
    return 0


def _backends(args) -> list[str]:
    if args.all_backends:
        found = [backend for backend in BACKENDS if _installed(backend)]
        if not found:
            raise UsageError("no backend is installed: pip install jax, tensorflow or torch")
        return found
    backend = args.backend or active_backend()
    if backend not in BACKENDS:
        raise UsageError(
            f"{backend!r} is not a backend the course checks on: use jax, tensorflow or torch"
            + ("" if args.backend else " (it comes from KERAS_BACKEND or ~/.keras/keras.json)")
        )
    if not _installed(backend):
        raise UsageError(
            f"the {backend} backend is not installed here: pip install {BACKEND_MODULES[backend]}, "
            "or choose another with --backend"
        )
    return [backend]


def _answer_file(name: str) -> Path:
    path = Path(name)
    if not path.exists():
        raise UsageError(f"{name}: no such file (kq start <id> writes one to begin with)")
    if path.is_dir():
        raise UsageError(f"{name} is a folder; give the .py file that holds your answer")
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{name} is not UTF-8 text; save your answer as Python source") from None
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    return path


def run(exercise: Exercise, answer: Path, backend: str) -> dict:
    """Check ``answer`` on ``backend`` in a new process; the result as a dict."""
    job = json.dumps({"folder": str(exercise.folder), "answer": str(answer.resolve())})
    env = {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3"}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kq.runner", "--backend", backend],
            input=job + "\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=CHECK_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return {"status": "error", "text": f"the check took over {CHECK_TIMEOUT:.0f} s: stopped"}
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if not lines:
        why = (done.stderr.strip().splitlines() or ["no message"])[-1]
        if "No module named 'keras'" in done.stderr:
            why = "Keras is not installed here: pip install keras (3.x) and a backend"
        return {"status": "error", "text": f"the check could not start on {backend}: {why}"}
    result = json.loads(lines[-1])
    result["wall"] = time.perf_counter() - started
    return result


def cmd_check(args) -> int:
    exercise = _find(args.exercise)
    answer = _answer_file(args.file)
    backends = _backends(args)
    if importlib.util.find_spec("keras") is None:
        raise UsageError("Keras is not installed here: pip install keras (3.x) and a backend")
    from kq.checking import Result

    passed = True
    base = course_url()
    for backend in backends:
        raw = run(exercise, answer, backend)
        fields = {key: raw.get(key) for key in Result.__dataclass_fields__ if key in raw}
        fields.setdefault("exercise", exercise.id)
        result = Result(**{"lines": [], **fields})
        print(f"[{backend}] " + format_result(result, base, exercise.title))
        if raw.get("output") and not result.passed:
            print("  Your code printed:\n    " + raw["output"].rstrip().replace("\n", "\n    "))
        passed = passed and result.passed
    return 0 if passed else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="kq",
        description="Keras Quest's code exercises, checked on your machine.",
        epilog="A passed check prints a completion code to paste into the exercise's page.",
    )
    commands = parser.add_subparsers(dest="command", metavar="command")
    listing = commands.add_parser("list", help="the exercises, by track")
    listing.set_defaults(run=cmd_list)
    start = commands.add_parser("start", help="copy an exercise's starter code to a file")
    start.add_argument("exercise", help="an exercise id, e.g. t7-learned-shift")
    start.add_argument("file", nargs="?", help="where to write it (default: <id>.py)")
    start.set_defaults(run=cmd_start)
    check = commands.add_parser("check", help="check your answer to an exercise")
    check.add_argument("exercise", help="an exercise id, e.g. t7-learned-shift")
    check.add_argument("file", help="the .py file that holds your answer")
    where = check.add_mutually_exclusive_group()
    where.add_argument("--backend", help="jax, tensorflow or torch (default: the active one)")
    where.add_argument("--all-backends", action="store_true", help="every installed backend")
    check.set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"kq: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kq: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
