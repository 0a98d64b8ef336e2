"""Execute built notebooks with nbclient, several at a time, offline, each on one backend.

Used by ``tests/test_notebooks.py`` and ``bench/bench_notebooks.py``; not by the Sphinx build
(which never imports nbclient, a test dependency). Each notebook runs in a kernel of its own
(``python3``: the kernel of the interpreter running this, so the same ``.venv``) in a temporary
working folder, with the environment the example runner gives a page
(``tools.examples.runner.child_environment``): the backend in ``KERAS_BACKEND``, temporary homes
for Keras and every cache, one math thread, the network cut off except for this machine
(the kernel talks to us over 127.0.0.1) and, on JAX, the persistent compilation cache the
examples share. ``parallel`` notebooks run at once on one event loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: Seconds one cell may take: as long as a whole page may take in the example runner.
CELL_TIMEOUT = 600
#: How many notebooks run at once: the 2 cores of CI, each kernel on one math thread.
PARALLEL = 2


#: Terminal colours in IPython's tracebacks.
ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: A last cell, added to the run and taken off the result: the kernel's CPU seconds.
CPU_TAG = "kq-cpu"
CPU_CELL = (
    "import resource as _kq_resource\n"
    "_kq_usage = _kq_resource.getrusage(_kq_resource.RUSAGE_SELF)\n"
    "print(_kq_usage.ru_utime + _kq_usage.ru_stime)"
)


@dataclass
class Execution:
    notebook: Path
    backend: str
    seconds: float = 0.0
    cell: int | None = None  # the index of the cell that failed
    error: str | None = None
    executed: object = None  # the notebook as it ran, with its outputs (nbformat)
    cells: int = 0
    cpu: float | None = None  # CPU seconds of the kernel (its own threads), whatever the load

    @property
    def name(self) -> str:
        return self.notebook.name

    def describe(self) -> str:
        where = f", cell {self.cell}" if self.cell is not None else ""
        return f"{self.name} on {self.backend}{where}: {self.error}"


def kernel_environment(backend: str, workdir: Path) -> dict[str, str]:
    """What the example runner gives a page on ``backend`` (see the module's docstring)."""
    from tools.examples.runner import child_environment  # noqa: PLC0415 (repository tool)

    return child_environment(backend, workdir)


def cell_text(cell, streams=("stdout", "stderr")) -> str:
    """What a code cell printed (``streams`` and plain-text results), as one string."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            if output.get("name") in streams:
                parts.append(output.get("text", ""))
        elif output.get("output_type") in ("execute_result", "display_data"):
            parts.append(output.get("data", {}).get("text/plain", ""))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename')}: {output.get('evalue')}")
    return "".join(parts)


async def execute_one(
    path: Path, backend: str, timeout: float = CELL_TIMEOUT, patch=None
) -> Execution:
    """Run ``path`` top to bottom on ``backend``; the first cell that fails stops it.

    ``patch(notebook)``, when given, may change the notebook before it runs (a test adds cells).
    """
    import nbformat  # noqa: PLC0415
    from nbclient import NotebookClient  # noqa: PLC0415
    from nbclient.exceptions import CellExecutionError, CellTimeoutError  # noqa: PLC0415

    result = Execution(path, backend)
    notebook = nbformat.read(path, as_version=4)
    if patch is not None:
        patch(notebook)
    result.cells = len(notebook.cells)
    notebook.cells.append(nbformat.v4.new_code_cell(CPU_CELL, metadata={"tags": [CPU_TAG]}))
    current = {"index": None}

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"kq-nb-{backend}-") as folder:
        workdir = Path(folder)
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(workdir)}},
            on_cell_start=on_cell_start,
        )
        try:
            await client.async_execute(env=kernel_environment(backend, workdir))
        except CellExecutionError as error:
            result.cell = current["index"]
            result.error = _short(error)
        except CellTimeoutError:
            result.cell = current["index"]
            result.error = f"the cell ran longer than {timeout:.0f} s"
        except Exception as error:  # noqa: BLE001 - the kernel died, would not start, ...
            result.cell = current["index"]
            result.error = f"{type(error).__name__}: {error}"
    result.seconds = time.perf_counter() - started
    last = notebook.cells.pop()
    if not result.error:
        try:
            result.cpu = float(cell_text(last, streams=("stdout",)).strip())
        except ValueError:
            pass
    result.executed = notebook
    return result


def _short(error: Exception, lines: int = 25) -> str:
    """nbclient's message (the cell's source, then the traceback), its last lines."""
    text = ANSI.sub("", str(error)).strip()
    return "\n".join(text.splitlines()[-lines:])


async def _execute_all(jobs, parallel: int, timeout: float, patch) -> list[Execution]:
    gate = asyncio.Semaphore(parallel)

    async def one(path: Path, backend: str) -> Execution:
        async with gate:
            return await execute_one(path, backend, timeout, patch)

    return list(await asyncio.gather(*(one(path, backend) for path, backend in jobs)))


def execute_all(
    jobs: list[tuple[Path, str]],
    parallel: int = PARALLEL,
    timeout: float = CELL_TIMEOUT,
    patch=None,
) -> list[Execution]:
    """Execute each ``(notebook, backend)``, ``parallel`` at a time; results in ``jobs`` order.

    The event loop runs in a thread of its own: a caller may already run one in this thread
    (Playwright's sync API leaves one running in a test session), and ``asyncio.run`` refuses
    to start a second loop there.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        work = pool.submit(asyncio.run, _execute_all(jobs, parallel, timeout, patch))
        return work.result()
