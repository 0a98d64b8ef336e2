"""Quiz benchmark: size of the quiz script + stylesheet, and what quizzes cost the build.

Prints the raw and gzipped bytes of extensions/quiz/static (budget: GZIP_BUDGET in
extensions/quiz/assets.py, gzipped together), and
the full serial build of the course three ways (bench/quiz_off): as it is; with every quiz
directive replaced by a no-op that keeps its content as plain text ("plain"), which isolates the
extension's own work; and with the quizzes dropped unparsed ("dropped"). Figures are CPU time
(user + sys of the build process), which a busy shared machine disturbs less than wall time, over
several interleaved builds: the median, and the minimum (the least disturbed run); the overheads
use the minimum. Wall time is printed too.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

from common import ROOT, copy_docs, gzipped, temp_dir

sys.path.insert(0, str(ROOT))
from extensions.quiz.assets import GZIP_BUDGET as BUDGET  # noqa: E402

STATIC = ROOT / "extensions" / "quiz" / "static"
ASSETS = ("kq-quiz-core.js", "kq-quiz.js", "kq-quiz.css")
RUNS = 7
CONFIGS = {
    "with quizzes": (ROOT, "plain"),
    "quizzes as plain content": (ROOT / "bench" / "quiz_off", "plain"),
    "quizzes dropped": (ROOT / "bench" / "quiz_off", "drop"),
}


def build(src, out, confdir, noop: str) -> tuple[float, float]:
    """(cpu seconds, wall seconds) of one full serial HTML build."""
    env = {**os.environ, "KQ_QUIZ_NOOP": noop}
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-j", "1", "-b", "html"]
    command += ["-c", str(confdir), str(src), str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not (out / "index.html").exists():
        raise RuntimeError(f"build failed:\n{done.stderr[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> None:
    raw = packed = 0
    for name in ASSETS:
        data = (STATIC / name).read_bytes()
        raw += len(data)
        packed += gzipped(data)
        print(f"{name}: {len(data)} bytes raw, {gzipped(data)} bytes gzipped")
    print(f"quiz js+css raw: {raw} bytes")
    print(f"quiz js+css gzipped: {packed} bytes (budget {BUDGET}, {packed / BUDGET:.0%} used)")

    work = temp_dir("kq-bench-quiz-")
    try:
        src = copy_docs(work)
        questions = sum(p.read_text().count("{question}") for p in src.rglob("*.md"))
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in CONFIGS}
        for run in range(RUNS):
            # Interleave the configurations, so drift on a shared machine hits all alike.
            for name, (confdir, noop) in CONFIGS.items():
                out = work / f"out-{run}-{noop}-{confdir.name}"
                runs[name].append(build(src, out, confdir, noop))
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"questions in the course: {questions}")
    cpu = {name: min(c for c, _w in values) for name, values in runs.items()}
    for name, values in runs.items():
        median_cpu = statistics.median(c for c, _w in values)
        median_wall = statistics.median(w for _c, w in values)
        print(
            f"build {name}: {cpu[name]:.2f} s cpu min, {median_cpu:.2f} s cpu median, "
            f"{median_wall:.2f} s wall median ({RUNS} builds)"
        )
    ours, plain, dropped = (cpu[name] for name in CONFIGS)
    print(f"quiz extension overhead (vs plain content): {(ours - plain) / plain * 100:.1f} %")
    print(f"quizzes in total (vs dropped): {(ours - dropped) / dropped * 100:.1f} %")


if __name__ == "__main__":
    main()
