"""Run answers against their exercises' checks on one backend: ``python -m kq.runner``.

Reads jobs, one JSON object per line on standard input (``{"folder": <exercise folder>,
"answer": <file>, "label": <anything>}``), and writes one JSON result per job on standard
output (:meth:`kq.checking.Result.as_dict` plus ``label``, ``seconds`` and ``output``, what the
answer printed).

The process imports Keras once, with the backend ``--backend`` names, then runs each job in a
child forked from itself: every answer starts from a fresh process (its Keras config, dtype
policy, seeds and module globals die with it) without paying the import again. Nothing but the
import runs before a fork, so no backend runtime or thread exists yet; where ``fork`` is missing
or the import left threads running, jobs run one after another in this process instead. Each
job runs in a new empty temporary folder, seeded with :data:`SEED`, and is stopped after
``--timeout`` seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import select
import signal
import sys
import tempfile
import time
from pathlib import Path

from kq.checking import ERROR, Result, load_answer, run_check

SEED = 1234
#: Thread pools capped at one, so that importing the backends leaves this process one thread.
ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
}
BACKENDS = ("jax", "tensorflow", "torch")


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        import threading

        return threading.active_count()


def run_job(job: dict) -> dict:
    """Run one job in this process; the result as a dict."""
    import keras

    folder = Path(job["folder"]).resolve()
    answer = str(Path(job["answer"]).resolve())
    captured = io.StringIO()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kq-check-") as home:
        previous = os.getcwd()
        os.chdir(home)
        try:
            keras.utils.set_random_seed(SEED)
            with contextlib.redirect_stdout(captured):
                result = _check(folder, answer)
        finally:
            os.chdir(previous)
    result = result.as_dict()
    result.update(
        label=job.get("label"),
        seconds=round(time.perf_counter() - started, 3),
        output=captured.getvalue()[-4000:],
    )
    return result


def _check(folder: Path, answer: str) -> Result:
    exercise_id = folder.name
    check_path = folder / "check.py"
    check_names = {"__name__": "__kq_check__", "__file__": str(check_path)}
    try:
        exec(compile(check_path.read_text(encoding="utf-8"), str(check_path), "exec"), check_names)
    except Exception as exc:  # noqa: BLE001 - a broken check is reported, not raised
        return Result(exercise_id, ERROR, text=f"This exercise's check.py does not run: {exc!r}")
    try:
        source = Path(answer).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Result(exercise_id, ERROR, text=f"Cannot read {answer}: {exc}")
    names, failed = load_answer(answer, source)
    if failed is not None:
        failed.exercise = exercise_id
        return failed
    return run_check(check_names, names, exercise_id)


def _in_child(job: dict, timeout: float) -> dict:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, write the result, leave without returning to the loop
        os.close(read_end)
        code = 0
        try:
            payload = json.dumps(run_job(job)).encode()
        except BaseException as exc:  # noqa: BLE001 - the runner must always answer
            payload = json.dumps(_failed(job, f"the check runner failed: {exc!r}")).encode()
            code = 1
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(code)
    os.close(write_end)
    chunks = []
    deadline = time.monotonic() + timeout
    with os.fdopen(read_end, "rb") as incoming:
        while True:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([incoming], [], [], max(left, 0))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return _failed(job, f"the check did not finish in {timeout:.0f} s: stopped")
            chunk = os.read(incoming.fileno(), 65536)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        return _failed(job, f"the check's process ended without a result (status {status})")


def _failed(job: dict, text: str) -> dict:
    result = Result(Path(job["folder"]).name, ERROR, text=text).as_dict()
    result.update(label=job.get("label"), seconds=0.0, output="")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kq.runner", description=__doc__)
    parser.add_argument("--backend", choices=BACKENDS, required=True)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--no-fork", action="store_true", help="run every job in this process")
    args = parser.parse_args(argv)
    os.environ["KERAS_BACKEND"] = args.backend
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # TensorFlow's start-up lines
    jobs = [json.loads(line) for line in sys.stdin if line.strip()]
    if len(jobs) > 1:
        # Many answers are forked from this process, which must then hold a single thread: the
        # numeric libraries' pools start with their first op, one thread each (answers are tiny).
        for name, value in ONE_THREAD.items():
            os.environ.setdefault(name, value)
    for job in jobs:  # each job runs in a temporary folder: paths must not depend on this one
        job["folder"] = str(Path(job["folder"]).resolve())
        job["answer"] = str(Path(job["answer"]).resolve())
    # Results go to the real standard output; anything Keras or a backend writes there from C
    # (and whatever an answer prints) must not mix with them.
    results = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    import keras  # noqa: F401 - imported once, before any fork

    if keras.backend.backend() != args.backend:
        for job in jobs:
            text = f"Keras chose the {keras.backend.backend()} backend, not {args.backend}"
            results.write(json.dumps(_failed(job, text)) + "\n")
        return 1
    fork = hasattr(os, "fork") and not args.no_fork and len(jobs) > 1
    if fork and args.backend != "tensorflow" and importlib.util.find_spec("tensorflow"):
        # keras.utils.set_random_seed imports TensorFlow whenever it is installed, whatever the
        # backend: imported here once (it starts no thread), not once per forked answer (5 s).
        import tensorflow  # noqa: F401
    fork = fork and _threads() == 1
    for job in jobs:
        result = _in_child(job, args.timeout) if fork else run_job(job)
        result["forked"] = fork
        results.write(json.dumps(result) + "\n")
        results.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
