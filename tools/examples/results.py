"""Passing page runs, kept so that a page whose run plan did not change is not run again.

A run is kept under ``_build/examples/results/`` by a key made of everything that decides it:
the page's run plan (its text as the ``examples`` builder wrote it and the blocks as read, so any
code character, expected output, marker, skip reason, claim or backend tab counts), the page's
file, the backend, and the lock of the stack (Python, every installed distribution and its
version, and the runner's own files). Only runs without a failure are kept, and a kept run is
judged again when reused, so a failure is never hidden by the cache, and a flaky failure is
never made permanent by it.

``make check`` and ``make test`` reuse runs on a working machine. CI starts from a clean clone
(no ``_build``), and reuse is off whenever ``CI`` is set (as CI services do) or
``KQ_EXAMPLES_REUSE=0``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

from tools.examples import runner
from tools.examples.runner import Outcome, PageRun, SourcePage

CACHE = runner.REPO / "_build" / "examples" / "results"
FORMAT = "1"


def reuse_enabled() -> bool:
    if os.environ.get("KQ_EXAMPLES_REUSE", "1") == "0":
        return False
    return os.environ.get("CI", "").lower() in ("", "0", "false", "no")


@functools.cache
def stack_lock() -> str:
    """A digest of what every page runs on: Python, installed packages, the runner's code."""
    digest = hashlib.sha256(f"{FORMAT}\n{sys.version}\n{sys.executable}\n".encode())
    installed = sorted(
        f"{dist.metadata['Name']}=={dist.version}".lower() for dist in metadata.distributions()
    )
    digest.update("\n".join(installed).encode())
    for path in sorted(runner.HERE.rglob("*.py")):
        digest.update(f"\n{path.relative_to(runner.HERE)}\n".encode() + path.read_bytes())
    return digest.hexdigest()


def key(source: SourcePage, backend: str) -> str:
    digest = hashlib.sha256(stack_lock().encode())
    digest.update(f"\n{backend}\n{source.path.resolve()}\n".encode())
    digest.update(source.plan.encode())
    digest.update(json.dumps(dataclasses.asdict(source.page), sort_keys=True).encode())
    return digest.hexdigest()[:32]


def _path(source: SourcePage, backend: str, cache: Path) -> Path:
    return cache / f"{key(source, backend)}.json"


def load(source: SourcePage, backend: str, cache: Path = CACHE) -> PageRun | None:
    """The kept passing run of ``source`` on ``backend``, or None."""
    path = _path(source, backend, cache)
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    blocks = source.page.runnable(backend)
    try:
        run = PageRun(source, backend, seconds=kept["seconds"], reused=True)
        run.outcomes = [
            Outcome(blocks[item["block"]], item["stdout"], item["error"], item["seconds"])
            for item in kept["outcomes"]
        ]
    except (KeyError, IndexError, TypeError):
        return None
    if len(run.outcomes) != len(blocks) or runner.failures(run):
        return None
    return run


def store(run: PageRun, cache: Path = CACHE) -> None:
    """Keep ``run`` if it passed."""
    blocks = run.source.page.runnable(run.backend)
    if run.reused or run.stopped or len(run.outcomes) != len(blocks) or runner.failures(run):
        return
    index = {id(block): number for number, block in enumerate(blocks)}
    kept = {
        "seconds": run.seconds,
        "outcomes": [
            {
                "block": index[id(outcome.block)],
                "stdout": outcome.stdout,
                "error": outcome.error,
                "seconds": outcome.seconds,
            }
            for outcome in run.outcomes
        ],
    }
    cache.mkdir(parents=True, exist_ok=True)
    path = _path(run.source, run.backend, cache)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(kept), encoding="utf-8")
    os.replace(temporary, path)


def run_or_reuse(source: SourcePage, backend: str, cache: Path = CACHE) -> PageRun:
    """The kept run of an unchanged page, else a new run (kept if it passes)."""
    if reuse_enabled():
        kept = load(source, backend, cache)
        if kept is not None:
            return kept
    run = runner.run_page(source, backend)
    store(run, cache)
    return run
