"""Run page runs ahead of time, a few at once, in the order they will be asked for.

pytest runs tests one after another, but a page run is a separate process, so while the test
for one (page, backend) waits for its process, the next one's process can already work. With
two jobs on two cores the suite takes about half the time, and every test still reports on
exactly its own run.

A run starts as soon as a job is free, not when its test asks: when the test being waited on
has the longest run (JAX's, with its compilations), the runs after it go on, one after another,
beside it. ``make check`` after one page's edit runs that page on three backends: JAX and
PyTorch start together and TensorFlow starts when PyTorch ends, not when JAX does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from tools.examples.results import run_or_reuse
from tools.examples.runner import PageRun, SourcePage, stop_all

#: Page processes at once; ``KQ_EXAMPLES_JOBS=1`` runs them strictly one by one.
JOBS = max(1, int(os.environ.get("KQ_EXAMPLES_JOBS", "2")))

Key = tuple[str, str]


def _key(source: SourcePage, backend: str) -> Key:
    return (source.id, backend)


class Ahead:
    """Page runs for a known order of (page, backend) pairs, ``jobs`` of them in flight."""

    def __init__(
        self,
        order: Iterable[tuple[SourcePage, str]],
        jobs: int = JOBS,
        run: Callable[[SourcePage, str], PageRun] = run_or_reuse,
    ):
        self._order = list(order)
        self._position = {_key(*pair): index for index, pair in enumerate(self._order)}
        self._jobs = jobs
        self._run = run
        self._futures: dict[Key, Future] = {}
        self._pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="examples")

    def result(self, source: SourcePage, backend: str) -> PageRun:
        """The run of ``source`` on ``backend``; the first call queues every planned run.

        The pool's ``jobs`` threads take the queued runs in planned order, each the moment it is
        free, so a long run never holds back the ones planned after it."""
        if _key(source, backend) not in self._position:
            return self._run(source, backend)  # not in the plan: run it now, alone
        if not self._futures:
            for pair in self._order:
                self._futures[_key(*pair)] = self._pool.submit(self._run, *pair)
        return self._futures[_key(source, backend)].result()

    def close(self) -> None:
        """Stop what is still running (a session cut short) and free the threads."""
        stop_all()
        self._pool.shutdown(wait=True, cancel_futures=True)
