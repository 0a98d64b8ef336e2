"""Run a page's examples on one backend in an offline Python process of its own, and judge the run.

The process is forked from the backend's warm worker (``warm.py``: Keras is imported once per
backend, not once per page) or, when that cannot be used, started anew; either way no page sees
what another changed.

The pytest module (``tests/test_examples.py``) and the benchmark (``bench/bench_examples.py``)
both drive this; neither needs to know how a page is executed. What a page runs, and on which
backends, comes from its run plan, written by Sphinx's ``examples`` builder (see ``plan.py``): no
Markdown is read here. A page runs on every backend its plan names; a missing one is a failure,
not a skip.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from packaging.version import InvalidVersion, Version

from extensions.examples.pin import PinError, keras_pin
from tools.examples import warm as warm_workers
from tools.examples.output import output_diff, output_matches
from tools.examples.plan import Block, Page, plans_of

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]  # tools/examples/ -> the repository
DOCS = REPO / "docs"
PYPROJECT = REPO / "pyproject.toml"
CHILD = HERE / "child.py"
SANDBOX = HERE / "sandbox"

#: KERAS_MAX_EPOCHS (read by Keras since 3.10) only ever lowers ``epochs``: the 1-3 epochs the
#: course asks for run as written, a forgotten ``epochs=100`` stays cheap.
MAX_EPOCHS = 3
# KERAS_MAX_STEPS_PER_EPOCH is deliberately left unset. Keras 3.15.1 does not only lower the
# step count with it: a fit() without steps_per_epoch runs exactly that many steps, repeating
# small data (100 samples at the cap 50 run 50 steps, not 4), which makes examples slower and
# their printed progress ("50/50" instead of "32/32" for 1,000 samples) untrue.
#: Seconds one page may take on one backend; ``KQ_EXAMPLES_TIMEOUT`` overrides it. The limit
#: catches a page that hangs; speed is bench_examples.py's business. The slowest pages (JAX,
#: Tracks 10, 11 and 13) took 240-320 s on a 2-core machine loaded by other work, so the limit
#: leaves room for a busy machine rather than failing a page that is merely slow there.
PAGE_TIMEOUT = float(os.environ.get("KQ_EXAMPLES_TIMEOUT", "600"))
# One math thread per example process: pages run side by side (see schedule.py), and on a
# 2-core machine two single-threaded processes finish sooner than two that fight over cores.
ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
}
#: XLA (JAX's compiler, and TensorFlow's when fit() compiles its steps) optimises the machine
#: code it emits as if it would run for hours. The course's models are tiny and run a few steps,
#: so on JAX compiling is a large part of a page's time. Without the backend's optimisation
#: passes (level 0; XLA's graph-level passes still run) JAX's pages took about 5-10 % less CPU
#: in interleaved runs (Tracks 3, 5 and 7: 48.1 and 58.7 s against 57.4 and 59.8 s; Track 10
#: 89.4 against 96.9 s; this machine's speed varies by 2x within an hour, so only runs side by
#: side in time compare), every printed output the same. TensorFlow's pages did not change.
#: ``KQ_EXAMPLES_FAST_COMPILE=0`` compiles as XLA does by default.
FAST_COMPILE = (
    "--xla_backend_optimization_level=0"
    if os.environ.get("KQ_EXAMPLES_FAST_COMPILE", "1") != "0"
    else ""
)
STDERR_TAIL = 15
#: JAX compiles every jitted function (a model's train, predict and evaluate steps) afresh in
#: each process; its persistent cache keeps the compiled code on disk, inside the build folder
#: (never the learner's home), so a function compiled once is loaded the next time, by a later
#: page or a later run. JAX caches only what took over a second to compile unless told
#: otherwise, and the course's small models compile in less: everything is kept.
#: ``KQ_EXAMPLES_JAX_CACHE=0`` turns it off; ``KQ_EXAMPLES_JAX_CACHE_DIR`` moves it (the
#: benchmark measures with an empty one, as on a clean clone).
JAX_CACHE = Path(
    os.environ.get("KQ_EXAMPLES_JAX_CACHE_DIR") or REPO / "_build" / "examples" / "jax-cache"
)
JAX_CACHE_ENV = {
    "JAX_COMPILATION_CACHE_DIR": str(JAX_CACHE),
    "JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS": "0",
    "JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES": "0",
}


def missing_backend(backend: str) -> str | None:
    """Why ``backend`` cannot run here, or None when it can."""
    if importlib.util.find_spec(backend) is None:
        return (
            f"the {backend} backend is not installed, so the examples cannot run on it; "
            f"install the examples stack: pip install -e '.[examples]'"
        )
    return None


@functools.cache
def pin_mismatch(pyproject: Path = PYPROJECT) -> str | None:
    """Why the installed Keras is not the pinned one, or None when it is."""
    try:
        pinned = keras_pin(pyproject)
    except PinError as exc:
        return str(exc)
    fix = "install the examples stack: pip install -e '.[examples]'"
    try:
        installed = metadata.version("keras")
    except metadata.PackageNotFoundError:
        return f"Keras is not installed but the examples are pinned to keras=={pinned}; {fix}"
    try:
        same = Version(installed) == Version(pinned)
    except InvalidVersion:
        same = installed == pinned
    if same:
        return None
    return (
        f"installed Keras {installed} differs from the pin keras=={pinned} in "
        f"{display_path(pyproject)}; the site says its examples were verified with {pinned}, "
        f"so they must run on it: {fix}"
    )


def display_path(path: Path) -> str:
    path = Path(path).resolve()
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


@dataclass
class SourcePage:
    path: Path
    id: str  # path below the docs folder, without ".md": what `pytest -k` matches
    page: Page
    plan: str = ""  # the run plan's text, as the examples builder wrote it

    @property
    def name(self) -> str:
        return display_path(self.path)


def discover(docs: Path = DOCS) -> list[SourcePage]:
    """Pages under ``docs`` with Python blocks or marker problems, in docname order.

    Sphinx reads the pages (``-b examples``, cached under _build/examples) and says what runs.
    """
    return [
        SourcePage(plan.path, plan.docname, plan.page, plan.text)
        for plan in plans_of(Path(docs))
        if plan.page.blocks or plan.page.problems
    ]


def runs(pages: list[SourcePage]) -> list[tuple[SourcePage, str]]:
    """Every (page, backend) to run, page by page: each page on the backends its plan names."""
    return [(source, backend) for source in pages for backend in source.page.backends]


@dataclass
class Outcome:
    block: Block
    stdout: str = ""
    error: dict | None = None
    seconds: float = 0.0


@dataclass
class PageRun:
    source: SourcePage
    backend: str
    started: float = 0.0  # time.perf_counter() when its process started
    seconds: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: str | None = None  # why the process ended early (crash, timeout)
    stopped_in: Block | None = None  # the block it was running then
    stderr: str = ""
    cpu: float | None = None  # CPU seconds of the page's process (known when forked)
    forked: bool = False  # forked from the backend's warm worker (warm.py), not a new process
    reused: bool = False  # a kept passing run of the same plan on the same stack (results.py)


def child_environment(backend: str, workdir: Path) -> dict[str, str]:
    """The environment of an example process: one backend, temporary homes, capped, offline."""
    home = workdir / "home"
    (home / ".keras").mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KERAS_", "PYTHON", "JAX_", "XLA_"))
    }
    env.update(
        KERAS_BACKEND=backend,
        KERAS_HOME=str(home / ".keras"),
        KERAS_MAX_EPOCHS=str(MAX_EPOCHS),
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        PYTHONPATH=str(SANDBOX),  # sitecustomize.py there cuts the network
        PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
        JAX_PLATFORMS="cpu",  # no probing for accelerators this machine does not have
        TF_CPP_MIN_LOG_LEVEL="2",
        MPLBACKEND="Agg",
        HF_HUB_OFFLINE="1",
    )
    env.update(ONE_THREAD)
    if backend == "jax" and os.environ.get("KQ_EXAMPLES_JAX_CACHE", "1") != "0":
        env.update(JAX_CACHE_ENV)
    if FAST_COMPILE:
        env["XLA_FLAGS"] = f"{env['XLA_FLAGS']} {FAST_COMPILE}"
    return env


_live: set[subprocess.Popen] = set()
_live_groups: set[int] = set()  # pages forked by a warm worker: each leads its own group
_live_lock = threading.Lock()


def stop_all() -> None:
    """Kill every example process still running (an interrupted or aborted session)."""
    with _live_lock:
        for process in _live:
            _kill(process)
        for group in _live_groups:
            _kill_group(group)


def _kill(process: subprocess.Popen) -> None:
    _kill_group(process.pid)


def _kill_group(group: int) -> None:
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        pass  # it ended on its own meanwhile


def run_page(
    source: SourcePage,
    backend: str,
    workdir: Path | None = None,
    timeout: float = PAGE_TIMEOUT,
    warm: bool | None = None,
) -> PageRun:
    """Run every block of ``source`` that belongs on ``backend``, in a process of its own.

    That process is forked from the backend's warm worker (``warm.py``), or, when ``warm`` is
    False or the worker cannot be used, started anew.
    """
    run = PageRun(source, backend)
    blocks = source.page.runnable(backend)
    if not blocks:
        return run
    with tempfile.TemporaryDirectory(prefix="kq-examples-") as scratch:
        workdir = Path(workdir or scratch)
        plan = workdir / "plan.json"
        events = workdir / "events.jsonl"
        cwd = workdir / "cwd"  # files an example writes (model.keras...) land here
        cwd.mkdir(exist_ok=True)
        plan.write_text(
            json.dumps(
                {
                    "page": str(source.path.resolve()),
                    "blocks": [{"code": b.code, "code_line": b.code_line} for b in blocks],
                }
            ),
            encoding="utf-8",
        )
        worker = None
        if warm if warm is not None else warm_workers.ENABLED:
            worker = warm_workers.WORKERS.get(
                backend, [sys.executable, "-P", str(CHILD), "--warm"],
                lambda home: child_environment(backend, home),
            )  # fmt: skip
        outcome = None
        if worker is not None:
            try:
                outcome = _run_forked(run, worker, workdir, plan, events, cwd, timeout)
            except warm_workers.WorkerGone:
                outcome = None  # the worker died before the page started: run it anew
        if outcome is None:
            outcome = _run_new_process(run, workdir, plan, events, cwd, timeout)
        returncode, timed_out = outcome
        run.seconds = time.perf_counter() - run.started
        _read_events(run, blocks, events)
        if timed_out:
            run.stopped = f"did not finish within {timeout:.0f} s (the limit for one page)"
            run.stopped_in = run.stopped_in or blocks[-1]
        elif run.stopped_in is not None:
            run.stopped = f"the Python process ended ({_exit_reason(returncode)})"
    return run


def _run_new_process(run, workdir, plan, events, cwd, timeout) -> tuple[int | None, bool]:
    run.started = time.perf_counter()
    # -P keeps the runner's own folder off sys.path: examples import only what learners have.
    process = subprocess.Popen(
        [sys.executable, "-P", str(CHILD), str(plan), str(events)],
        cwd=cwd,
        env=child_environment(run.backend, workdir),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,  # so a timeout can stop the example's own children too
    )
    with _live_lock:
        _live.add(process)
    try:
        _, run.stderr = process.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        _kill(process)
        _, run.stderr = process.communicate()
        timed_out = True
    finally:
        with _live_lock:
            _live.discard(process)
    return process.returncode, timed_out


def _run_forked(run, worker, workdir, plan, events, cwd, timeout) -> tuple[int | None, bool]:
    env = child_environment(run.backend, workdir)
    request = {
        "plan": str(plan),
        "events": str(events),
        "cwd": str(cwd),
        "stdout": str(workdir / "stdout.txt"),
        "stderr": str(workdir / "stderr.txt"),
        # what differs from the worker's own environment: the page's homes
        "env": {key: env[key] for key in ("HOME", "KERAS_HOME", "XDG_CACHE_HOME")},
    }
    run.started = time.perf_counter()
    pid, replies = worker.start(request)
    run.forked = True
    with _live_lock:
        _live_groups.add(pid)
    timed_out = False
    try:
        try:
            kind, code, run.cpu = replies.get(timeout=timeout)
        except queue.Empty:
            timed_out = True
            _kill_group(pid)
            kind, code, run.cpu = replies.get(timeout=60)
    finally:
        with _live_lock:
            _live_groups.discard(pid)
        worker.forget(replies)
    stderr = workdir / "stderr.txt"
    run.stderr = stderr.read_text(errors="replace") if stderr.exists() else ""
    return (code if kind == "ended" else None), timed_out


def _read_events(run: PageRun, blocks: list[Block], events: Path) -> None:
    text = events.read_text(encoding="utf-8") if events.exists() else ""
    running = None
    for line in text.splitlines():
        event = json.loads(line)
        block = blocks[event["block"]]
        if event["event"] == "start":
            running = block
        else:
            running = None
            run.outcomes.append(Outcome(block, event["stdout"], event["error"], event["seconds"]))
    finished = bool(run.outcomes) and (
        run.outcomes[-1].error is not None or len(run.outcomes) == len(blocks)
    )
    if not finished:
        run.stopped_in = running or blocks[len(run.outcomes)]


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _where(run: PageRun, block: Block) -> str:
    return f"{run.source.name}, block at line {block.line} (backend {run.backend})"


def page_problems(source: SourcePage) -> list[str]:
    """Marker and tab misuse on a page, one ``file:line: message`` each."""
    return [f"{source.name}:{p.line}: {p.message}" for p in source.page.problems]


def refusal(source: SourcePage, backend: str) -> str | None:
    """Why ``source`` must not even run on ``backend``, or None to go ahead."""
    reasons = [*page_problems(source), pin_mismatch(), missing_backend(backend)]
    return "\n".join(reason for reason in reasons if reason) or None


def failures(run: PageRun) -> list[str]:
    """Everything wrong with a run, each as a short paragraph naming page and line."""
    found = []
    for outcome in run.outcomes:
        block = outcome.block
        if outcome.error:
            error = outcome.error
            frames = "".join(f"\n    line {line}: {text}" for line, text in error["frames"])
            said = f"{error['type']}: {error['message']}{frames}"
            found.append(_claimed(block, f"{_where(run, block)}:\n{said}"))
        elif block.expected is not None and not output_matches(block.expected, outcome.stdout):
            found.append(
                _claimed(
                    block,
                    f"{_where(run, block)}: printed output differs from the expected output at "
                    f"line {block.expected_line}:\n{output_diff(block.expected, outcome.stdout)}",
                )
            )
    if run.stopped:
        tail = "\n".join(run.stderr.strip().splitlines()[-STDERR_TAIL:])
        message = f"{_where(run, run.stopped_in)}: {run.stopped}"
        message = f"{message}\nlast lines of its stderr:\n{tail}" if tail else message
        found.append(_claimed(run.stopped_in, message))
    return found


def _claimed(block: Block | None, message: str) -> str:
    """A claim check's failure says first which sentence of the page is no longer true."""
    if block is None or not block.claim:
        return message
    return f'claim failed: "{block.claim}"\n{message}'
