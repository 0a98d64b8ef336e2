"""Notebooks benchmark: how long executing every track's notebook takes, per backend.

Builds the course's HTML (which writes ``notebooks/*.ipynb``), then executes every notebook on
JAX, TensorFlow and PyTorch as ``tests/test_notebooks.py`` does: nbclient, two at a time, each
in a kernel of its own with the example runner's environment, with an empty JAX compilation
cache (as on a clean clone; ``--warm-cache`` uses the build folder's, as a second local run).
Prints each notebook's time, the sum per backend, and the wall time against the target.

``--tracks 03-ops 07-custom-layers`` runs only those; ``--backends jax`` only that backend.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Wall seconds for every notebook on every backend, two at a time, on a 2-core machine.
TARGET_SECONDS = 480
BACKENDS = ("jax", "tensorflow", "torch")
EXTENSION = "extensions.notebooks"


def build_course(outdir: Path) -> Path:
    """The course's HTML, with the notebooks extension even where conf.py does not load it yet."""
    import runpy

    extensions = runpy.run_path(str(ROOT / "conf.py"))["extensions"]
    define = (
        []
        if EXTENSION in extensions
        else ["-D", "extensions=" + ",".join([*extensions, EXTENSION])]
    )
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-j", "auto", "-c", str(ROOT)]
    subprocess.run([*command, str(ROOT / "docs"), str(outdir), *define], check=True, cwd=ROOT)
    return outdir / "notebooks"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warm-cache", action="store_true")
    parser.add_argument("--tracks", nargs="*")
    parser.add_argument("--backends", nargs="*", default=list(BACKENDS))
    parser.add_argument("--parallel", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kq-bench-nb-") as work:
        if not options.warm_cache:
            os.environ["KQ_EXAMPLES_JAX_CACHE_DIR"] = str(Path(work, "jax-cache"))
        from extensions.notebooks.execute import execute_all  # after the cache is chosen

        started = time.perf_counter()
        folder = build_course(Path(work, "html"))
        print(f"course built in {time.perf_counter() - started:.0f} s")
        names = options.tracks or sorted(path.stem for path in folder.glob("*.ipynb"))
        jobs = [
            (folder / f"{name}.ipynb", backend) for backend in options.backends for name in names
        ]
        started = time.perf_counter()
        results = execute_all(jobs, parallel=options.parallel)
        wall = time.perf_counter() - started
    failed = [result for result in results if result.error]
    for result in sorted(results, key=lambda result: -result.seconds):
        mark = f"  FAILED at cell {result.cell}" if result.error else ""
        cpu = f"{result.cpu:6.1f}" if result.cpu is not None else "     ?"
        print(
            f"{result.backend:10} {result.notebook.stem:24} {result.seconds:6.1f} s"
            f"  cpu {cpu} s{mark}"
        )
    for backend in options.backends:
        busy = sum(result.seconds for result in results if result.backend == backend)
        cpu = sum(result.cpu or 0 for result in results if result.backend == backend)
        print(f"{backend:10} {busy:6.0f} s of kernels, {cpu:6.0f} s of their CPU")
    load = os.getloadavg()[0]
    verdict = "within" if wall <= TARGET_SECONDS else "OVER"
    print(
        f"{len(results)} notebooks in {wall:.0f} s wall, {options.parallel} at a time "
        f"({verdict} the target of {TARGET_SECONDS} s; load average {load:.1f})"
    )
    for result in failed:
        print("failed: " + result.describe(), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
