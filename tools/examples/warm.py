"""Warm workers: one process per backend that has imported Keras, forking a fresh child per page.

A new Python process that imports Keras costs 2-5 s before a page's first line runs; paid for
every page on every backend, that was a third of the suite. A warm worker (``child.py --warm``)
pays it once per backend and forks each page's process from itself, after the import but before
any tensor op, so no backend runtime or thread exists yet at the fork (measured on Keras 3.15.1
with JAX, PyTorch and TensorFlow: one thread after the import). A worker that reports more than
one thread is not used: its backend's pages run in new processes as before. A page still gets a
process of its own, so nothing it changes reaches another page (tests/test_example_runner.py
leaks state on purpose and checks that the next page does not see it, on every backend).

``KQ_EXAMPLES_WARM=0`` turns the workers off (every page in a new process).
"""

from __future__ import annotations

import atexit
import itertools
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ENABLED = os.environ.get("KQ_EXAMPLES_WARM", "1") != "0"
#: Seconds a worker may take to import Keras and say it is ready.
START_TIMEOUT = 120.0


class WorkerGone(Exception):
    """The worker could not start, or died: run the page in a new process instead."""


class Worker:
    """One warm worker (one backend, one environment); thread-safe."""

    def __init__(self, command: list[str], env: dict[str, str], home: Path):
        self.home = home
        self._stderr = open(home / "worker-stderr.txt", "w+b")  # noqa: SIM115 - lives with it
        self.process = subprocess.Popen(
            command,
            cwd=home,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            start_new_session=True,
        )
        self._ids = itertools.count()
        self._lock = threading.Lock()
        self._waiting: dict[int, queue.Queue] = {}
        self._ready: queue.Queue = queue.Queue()
        self.alive = True
        self.threads = -1
        threading.Thread(target=self._read, daemon=True, name="examples-warm").start()
        try:
            kind, threads = self._ready.get(timeout=START_TIMEOUT)
        except queue.Empty:
            kind, threads = "gone", None
        if kind != "ready":
            tail = self._stderr_tail()  # before close(), which closes the file
            self.close()
            raise WorkerGone(tail)
        self.threads = int(threads)

    def _stderr_tail(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")[-2000:]

    def _read(self) -> None:
        for raw in self.process.stdout:
            words = raw.decode(errors="replace").split()
            if words[:1] == ["ready"]:
                self._ready.put(("ready", words[1]))
            elif len(words) == 3 and words[0] == "started":
                self._reply(int(words[1]), ("started", int(words[2])))
            elif len(words) == 4 and words[0] == "ended":
                self._reply(int(words[1]), ("ended", int(words[2]), float(words[3])))
        with self._lock:  # the worker is gone: nobody waits on it for ever
            self.alive = False
            for waiting in self._waiting.values():
                waiting.put(("gone", None, None))
        self._ready.put(("gone", None))

    def _reply(self, number: int, message: tuple) -> None:
        with self._lock:
            waiting = self._waiting.get(number)
        if waiting is not None:
            waiting.put(message)

    def start(self, request: dict) -> tuple[int, queue.Queue]:
        """Fork a child for ``request``; return its pid and the queue its end comes on:
        ``("ended", exit code, CPU seconds)``, or ``("gone", None, None)`` if the worker died."""
        replies: queue.Queue = queue.Queue()
        with self._lock:
            if not self.alive:
                raise WorkerGone("the warm worker has ended")
            number = next(self._ids)
            self._waiting[number] = replies
            try:
                self.process.stdin.write((json.dumps({**request, "id": number}) + "\n").encode())
                self.process.stdin.flush()
            except (BrokenPipeError, OSError) as exc:
                self.alive = False
                raise WorkerGone(str(exc)) from exc
        kind, pid, *_ = replies.get(timeout=START_TIMEOUT)
        if kind != "started":
            raise WorkerGone("the warm worker ended before it forked the page")
        return pid, replies

    def forget(self, replies: queue.Queue) -> None:
        with self._lock:
            for number, waiting in list(self._waiting.items()):
                if waiting is replies:
                    del self._waiting[number]

    def close(self) -> None:
        self.alive = False
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self._stderr.close()


class Workers:
    """The warm worker of each backend, started when its first page runs."""

    def __init__(self):
        self._lock = threading.Lock()
        self._workers: dict[str, Worker | None] = {}
        self._homes: list[tempfile.TemporaryDirectory] = []

    def get(self, backend: str, command: list[str], env_for) -> Worker | None:
        """The backend's worker, or None when pages of that backend must run in new processes."""
        with self._lock:
            worker = self._workers.get(backend)
            if worker is not None and not worker.alive:
                worker = None
                del self._workers[backend]
            if backend not in self._workers:
                home = tempfile.TemporaryDirectory(prefix=f"kq-warm-{backend}-")
                self._homes.append(home)
                try:
                    worker = Worker(command, env_for(Path(home.name)), Path(home.name))
                except WorkerGone as exc:
                    print(
                        f"examples: no warm {backend} worker ({exc}); new processes instead",
                        file=sys.stderr,
                    )
                    worker = None
                if worker is not None and worker.threads > 1:
                    # forking a process that runs threads can deadlock the child: do not
                    print(
                        f"examples: the {backend} worker runs {worker.threads} threads after "
                        f"importing Keras; its pages run in new processes",
                        file=sys.stderr,
                    )
                    worker.close()
                    worker = None
                self._workers[backend] = worker
            return self._workers[backend]

    def close(self) -> None:
        with self._lock:
            for worker in self._workers.values():
                if worker is not None:
                    worker.close()
            self._workers.clear()
            for home in self._homes:
                home.cleanup()
            self._homes.clear()


WORKERS = Workers()
atexit.register(WORKERS.close)
