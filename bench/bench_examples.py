"""Examples benchmark: how long the course's code takes to run, per backend and per page.

Runs every page exactly as ``pytest tests/test_examples.py`` does (one fresh process per page
and backend, two at a time) and prints the time of each, the total per backend, the wall time
of the whole suite, the cost of merely starting a process and importing Keras (paid once per
page and backend), and the slowest blocks. The pages and their blocks come from the run plans of
Sphinx's ``examples`` builder (``tools/examples/plan.py``). Target: the whole course on every
backend in under 300 s on a 2-core machine.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.examples import runner  # noqa: E402
from tools.examples.schedule import JOBS, Ahead  # noqa: E402

TARGET_SECONDS = 300
SLOWEST = 5


def import_seconds(backend: str) -> float:
    """Start a fresh example process that only imports Keras: the fixed cost of every page."""
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-P", "-c", "import keras"],
            env=runner.child_environment(backend, Path(work)),
            cwd=work,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - started


def main() -> int:
    pages = runner.discover()
    backends = [name for name in runner.backends() if not runner.missing_backend(name)]
    print(f"examples pages: {len(pages)} pages")
    print(f"examples blocks: {sum(len(p.page.blocks) for p in pages)} blocks")
    for backend in backends:
        print(
            f"examples startup {backend} (new process + import keras): "
            f"{import_seconds(backend):.1f} s",
            flush=True,
        )
    # The order and concurrency of `pytest tests/test_examples.py`: page by page, all backends.
    order = [(source, backend) for source in pages for backend in backends]
    ahead = Ahead(order)
    started = time.perf_counter()
    runs = []
    for source, backend in order:
        run = ahead.result(source, backend)
        runs.append(run)
        print(f"examples {backend} {source.id}: {run.seconds:.1f} s", flush=True)
    wall = time.perf_counter() - started
    ahead.close()
    for backend in backends:
        total = sum(run.seconds for run in runs if run.backend == backend)
        print(f"examples {backend} total (sum of its page runs): {total:.1f} s")
    print(
        f"examples suite wall time, all backends, {JOBS} page processes at a time: {wall:.1f} s "
        f"(target < {TARGET_SECONDS} s)"
    )
    blocks = [
        (outcome.seconds, run.backend, f"{run.source.name}:{outcome.block.line}")
        for run in runs
        for outcome in run.outcomes
    ]
    for seconds, backend, where in sorted(blocks, reverse=True)[:SLOWEST]:
        print(f"examples slowest block {backend} {where}: {seconds:.1f} s")
    failing = sum(bool(runner.failures(run)) for run in runs)
    print(f"examples failing page runs: {failing} page runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
