"""``make test``'s Python part: two pytest sessions side by side, then one summary.

The machine-learning lanes (every ``ml_stack`` test: the course's examples on three backends,
the notebooks, the code exercises' answers) spend their time in processes of their own that
use both cores; the other lanes spend much of theirs waiting on Chromium or on a Sphinx build
that uses one core. Run one after the other, the two halves left a core idle for most of the
browser lane, and CI took the sum of both. Here they run at once:

- the **ML session**: ``pytest -m ml_stack``, its output kept in ``_build/tests/ml.log`` and
  printed when it ends;
- the **main session**: ``pytest -m "not ml_stack"``, printed as it runs.

At the end: both sessions' verdicts, each lane's time (``tests/conftest.py`` writes them to
``KQ_LANES_FILE``), each session's wall time and the whole run's. The exit status is the first
failing session's, so a failure in either fails ``make test``.

Arguments are pytest's. With any argument (``make test PYTEST_ARGS="-k quiz"``), or with
``KQ_TESTS_SIDE_BY_SIDE=0``, one session runs everything as before: a selection of one's own
must not run twice.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: pytest's exit status when a session selected no test: not a failure here (a selection that
#: only one of the two sessions holds).
NO_TESTS = 5
#: How many of its slowest tests each session lists at its end.
SLOWEST = 25

SESSIONS = {
    "ML": ["-m", "ml_stack"],
    "main": ["-m", "not ml_stack"],
}


def pytest_command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "pytest", *arguments]


def side_by_side_wanted(arguments: list[str]) -> bool:
    return not arguments and os.environ.get("KQ_TESTS_SIDE_BY_SIDE", "1") != "0"


def read_lanes(path: Path) -> dict[str, float]:
    try:
        return {lane: float(seconds) for lane, seconds in json.loads(path.read_text()).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def summary(results: dict[str, dict], node: str | None, wall: float) -> list[str]:
    """The closing lines: each session's verdict and wall time, then the lanes."""
    lines = ["", "=" * 30 + " both sessions " + "=" * 30]
    for name, result in results.items():
        verdict = "passed" if result["code"] in (0, NO_TESTS) else f"FAILED (exit {result['code']})"
        lines.append(f"{name + ' session':<16} {result['wall']:7.1f} s wall   {verdict}")
    lines.append(f"{'whole run':<16} {wall:7.1f} s wall (the sessions ran side by side)")
    lines.append("lanes (each lane's own time; lanes of the two sessions overlap):")
    if node:
        lines.append(f"  {'node':<14} {float(node):7.1f} s (before both)")
    for name, result in results.items():
        for lane, seconds in result["lanes"].items():
            if seconds:
                lines.append(f"  {lane:<14} {seconds:7.1f} s ({name} session)")
    return lines


def main(arguments: list[str], root: Path = ROOT) -> int:
    if not side_by_side_wanted(arguments):
        return subprocess.call(pytest_command(*arguments), cwd=root)
    out = root / "_build" / "tests"
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    log = out / "ml.log"
    running: dict[str, tuple[subprocess.Popen, float, Path]] = {}
    for name, selection in SESSIONS.items():
        lanes = out / f"lanes-{name}.json"
        lanes.unlink(missing_ok=True)
        env = {**os.environ, "KQ_LANES_FILE": str(lanes), "KQ_LANE_NODE_SECONDS": ""}
        # Each session its own temporary folder, and no shared pytest cache between them; each
        # lists its slowest tests, so a lane that grows shows which test made it grow.
        own = ["--basetemp", str(out / f"tmp-{name}"), "-p", "no:cacheprovider"]
        own += ["--durations", str(SLOWEST), "--durations-min", "1"]
        if name == "ML":
            with log.open("wb") as sink:
                process = subprocess.Popen(
                    pytest_command(*selection, *own, "-q"),
                    cwd=root,
                    env=env,
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                )
        else:
            process = subprocess.Popen(pytest_command(*selection, *own), cwd=root, env=env)
        running[name] = (process, time.perf_counter(), lanes)
    # Each session's wall time ends when it does, whichever finishes first.
    ended: dict[str, tuple[int, float]] = {}

    def wait(name: str, process: subprocess.Popen) -> None:
        code = process.wait()
        ended[name] = (code, time.perf_counter())

    waiters = [
        threading.Thread(target=wait, args=(name, process), daemon=True)
        for name, (process, _, _) in running.items()
    ]
    try:
        for waiter in waiters:
            waiter.start()
        for waiter in waiters:
            while waiter.is_alive():
                waiter.join(1.0)
    except KeyboardInterrupt:
        for process, _, _ in running.values():
            process.terminate()
        raise
    results = {
        name: {
            "code": ended[name][0],
            "wall": ended[name][1] - began,
            "lanes": read_lanes(lanes),
        }
        for name, (_, began, lanes) in running.items()
    }
    print(f"\n{'=' * 30} ML session ({log.relative_to(root)}) {'=' * 30}", flush=True)
    sys.stdout.write(log.read_text(encoding="utf-8", errors="replace"))
    node = os.environ.get("KQ_LANE_NODE_SECONDS")
    for line in summary(results, node, time.perf_counter() - started):
        print(line)
    failed = [result["code"] for result in results.values() if result["code"] not in (0, NO_TESTS)]
    if all(result["code"] == NO_TESTS for result in results.values()):
        return NO_TESTS
    return failed[0] if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
