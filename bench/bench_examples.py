"""Examples benchmark: how long the course's code takes to run, per backend and per page.

Runs every page as ``pytest tests/test_examples.py`` does on a clean clone: every page on every
backend, two at a time, each page in a process forked from its backend's warm worker (which has
imported Keras once), with an empty JAX compilation cache and no kept results (nothing is
reused). Prints the time of each page, per backend the worker's start and the sum of its page
runs, the wall time of the whole suite against the target, and the slowest blocks. The pages and
their blocks come from the run plans of Sphinx's ``examples`` builder (``tools/examples/plan.py``).

``--warm-cache`` measures with the build folder's JAX cache instead (a second local run);
``--new-processes`` with one new process per page (the runner before warm workers);
``--pages tracks/01-why-keras ...`` runs only those pages.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Wall seconds for the whole suite, every page on every backend, on a 2-core machine.
TARGET_SECONDS = 180
SLOWEST = 5


def import_seconds(runner, backend: str) -> float:
    """Start a fresh process that only imports Keras: what a warm worker pays once."""
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warm-cache", action="store_true")
    parser.add_argument("--new-processes", action="store_true")
    parser.add_argument("--pages", nargs="*", help="only these pages (below docs/, no .md)")
    options = parser.parse_args()
    cache = tempfile.TemporaryDirectory(prefix="kq-bench-jax-cache-")
    if not options.warm_cache:
        os.environ["KQ_EXAMPLES_JAX_CACHE_DIR"] = cache.name
    if options.new_processes:
        os.environ["KQ_EXAMPLES_WARM"] = "0"
    # imported only now: the runner reads those settings when it is imported
    from tools.examples import runner
    from tools.examples.schedule import JOBS, Ahead
    from tools.examples.warm import WORKERS

    pages = [p for p in runner.discover() if not options.pages or p.id in options.pages]
    order = [pair for pair in runner.runs(pages) if not runner.missing_backend(pair[1])]
    backends = list(dict.fromkeys(backend for _source, backend in order))
    load = os.getloadavg()
    print(f"examples pages: {len(pages)} pages, load average {load[0]:.2f} {load[1]:.2f}")
    print(f"examples blocks: {sum(len(p.page.blocks) for p in pages)} blocks")
    mode = "one new process per page" if options.new_processes else "pages forked from warm workers"
    cache_kind = "build folder's (warm)" if options.warm_cache else "empty (as on a clean clone)"
    print(f"examples mode: {mode}; JAX compilation cache: {cache_kind}")
    for backend in backends:
        print(
            f"examples startup {backend} (new process + import keras, paid "
            f"{'per page' if options.new_processes else 'once'}): "
            f"{import_seconds(runner, backend):.1f} s",
            flush=True,
        )
    # The order and concurrency of `pytest tests/test_examples.py`: page by page, all backends;
    # run_page, not the reuse of kept results: everything runs.
    ahead = Ahead(order, run=runner.run_page)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    runs = []
    for source, backend in order:
        run = ahead.result(source, backend)
        runs.append(run)
        cpu = f", {run.cpu:.1f} s CPU" if run.cpu is not None else ""
        print(f"examples {backend} {source.id}: {run.seconds:.1f} s{cpu}", flush=True)
    wall = time.perf_counter() - started
    ahead.close()
    WORKERS.close()  # the workers are waited for: their CPU and their pages' is counted below
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    suite_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cache.cleanup()
    for backend in backends:
        mine = [run for run in runs if run.backend == backend]
        total = sum(run.seconds for run in mine)
        cpu = sum(run.cpu or 0.0 for run in mine)
        print(
            f"examples {backend} total (sum of its page runs): {total:.1f} s wall, "
            f"{cpu:.1f} s CPU (target for the suite: {TARGET_SECONDS} s wall, all backends)"
        )
    # CPU time does not stretch when other work shares the machine: on 2 cores, with every
    # page process single-threaded, half of it is about the wall time of a quiet machine.
    cpu = sum(run.cpu or 0.0 for run in runs)
    print(f"examples CPU of every page run: {cpu:.1f} s (/2 cores = {cpu / 2:.1f} s)")
    print(
        f"examples CPU of the whole suite, processes and workers started included: "
        f"{suite_cpu:.1f} s (/2 cores = {suite_cpu / 2:.1f} s)"
    )
    load = os.getloadavg()
    verdict = "met" if wall <= TARGET_SECONDS else "NOT met"
    print(
        f"examples suite wall time, all backends, {JOBS} page processes at a time: {wall:.1f} s "
        f"(target <= {TARGET_SECONDS} s: {verdict}; load average now {load[0]:.2f} {load[1]:.2f})"
    )
    blocks = [
        (outcome.seconds, run.backend, f"{run.source.name}:{outcome.block.line}")
        for run in runs
        for outcome in run.outcomes
    ]
    for seconds, backend, where in sorted(blocks, reverse=True)[:SLOWEST]:
        print(f"examples slowest block {backend} {where}: {seconds:.1f} s")
    failing = [run for run in runs if runner.failures(run)]
    print(f"examples failing page runs: {len(failing)} page runs")
    for run in failing:
        print(f"  {run.backend} {run.source.id}: {runner.failures(run)[0].splitlines()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
