"""Exercise checks: one ``kq check`` as a learner runs it, and the whole exercise suite.

Target (issue "Write Keras, checked"): one ``kq check`` of one answer on one backend takes under
20 s on a 2-core machine, Python's start and Keras's import included. Printed against it, per
backend: the median of three runs of ``kq check t7-learned-shift <reference> --backend B``.
Then the suite as ``make test`` runs it (tests/test_exercises.py): every exercise's reference,
starter and seeded wrong answers through ``python -m kq.runner``, one process per backend, two
backends at a time as on CI; wall time per backend and in all, and the answers' own seconds.
The machine's load is printed with the figures: they mean little on a busy machine.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))

from kq.exercise import load_all  # noqa: E402

BACKENDS = ("jax", "tensorflow", "torch")
ONE_CHECK_TARGET = 20.0
EXERCISE = "t7-learned-shift"


def one_check(backend: str, answer: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kq", "check", EXERCISE, str(answer), "--backend", backend],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kq check failed on {backend}:\n{done.stdout}{done.stderr}")
    return seconds


def suite(backend: str, jobs: list[dict]) -> tuple[str, float, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kq.runner", "--backend", backend],
        input="".join(json.dumps(job) + "\n" for job in jobs),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "3"},
    )
    wall = time.perf_counter() - started
    answers = sum(json.loads(line)["seconds"] for line in done.stdout.splitlines() if line.strip())
    return backend, wall, answers


def main() -> int:
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores is the CI machine)")
    exercises = load_all()
    reference = next(e for e in exercises if e.id == EXERCISE).solution
    target = f"target < {ONE_CHECK_TARGET:.0f} s"
    print(f"one `kq check {EXERCISE}` (median of 3, imports included; {target})")
    worst = 0.0
    for backend in BACKENDS:
        median = statistics.median(one_check(backend, reference) for _ in range(3))
        worst = max(worst, median)
        print(f"  {backend:<11} {median:6.1f} s")
    jobs = [
        {"folder": str(e.folder), "answer": str(answer)}
        for e in exercises
        for answer in (e.solution, e.starter, *(w.path for w in e.wrong))
    ]
    print(f"the exercise suite: {len(exercises)} exercises, {len(jobs)} answers per backend")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        rows = list(pool.map(lambda backend: suite(backend, jobs), BACKENDS))
    for backend, wall, answers in rows:
        print(f"  {backend:<11} {wall:6.1f} s wall, {answers:6.1f} s in the answers' checks")
    print(f"  all three   {time.perf_counter() - started:6.1f} s wall (2 at a time)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    verdict = "within" if worst < ONE_CHECK_TARGET else "OVER"
    print(
        f"one check: slowest backend {worst:.1f} s, {verdict} the {ONE_CHECK_TARGET:.0f} s target"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
