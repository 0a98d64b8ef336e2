"""Statements the course once made and corrected stay wrong: each fails on its backends.

A claim check on a page proves the corrected sentence; the files in ``tests/refuted/`` assert the
old, wrong sentence and must fail with an ``AssertionError``, so a check that cannot tell the two
apart, or a Keras release that changes the behaviour, shows up here (see tests/refuted/README.md).

Each file runs as the example runner runs a page of one block (tools/examples): in a process of
its own forked from the backend's warm worker, two at a time.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extensions.examples.convention import RUN_BACKENDS
from tools.examples import runner
from tools.examples.plan import Block, Page

REFUTED = Path(__file__).resolve().parent / "refuted"
ALL_BACKENDS = RUN_BACKENDS


def _backends(path: Path) -> tuple[str, ...]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    if not first.startswith("# backends:"):
        return ALL_BACKENDS
    return tuple(first.split(":", 1)[1].split())


CASES = [
    pytest.param(path, backend, id=f"{path.stem}-{backend}")
    for path in sorted(REFUTED.glob("*.py"))
    for backend in _backends(path)
]


def _source(path: Path) -> runner.SourcePage:
    code = path.read_text(encoding="utf-8")
    return runner.SourcePage(path, path.stem, Page(blocks=[Block(code=code, line=1, code_line=1)]))


@pytest.fixture(scope="module")
def runs():
    """(file, backend) -> the finished run, every case started at once, two at a time."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            (case.values[0], case.values[1]): pool.submit(
                runner.run_page, _source(case.values[0]), case.values[1]
            )
            for case in CASES
            if case.values[1] in ALL_BACKENDS
        }
        return {key: future.result() for key, future in futures.items()}


def test_every_refuted_file_names_known_backends_and_says_what_it_refutes():
    for path in REFUTED.glob("*.py"):
        unknown = set(_backends(path)) - set(ALL_BACKENDS)
        assert not unknown, f"{path.name}: unknown backends {sorted(unknown)} on its first line"
        text = path.read_text(encoding="utf-8")
        assert '"""' in text, f"{path.name}: add a docstring naming the page and the old sentence"


@pytest.mark.slow
@pytest.mark.ml_stack
@pytest.mark.parametrize(("path", "backend"), CASES)
def test_a_refuted_statement_fails_with_an_assertion_error(runs, path, backend):
    run = runs[(path, backend)]
    errors = [outcome.error for outcome in run.outcomes if outcome.error]
    assert not run.stopped, f"{path.name} on {backend} did not finish: {run.stopped}"
    assert errors, f"{path.name} holds on {backend}: the old statement came true"
    assert errors[0]["type"] == "AssertionError", (
        f"{path.name} failed on {backend} for another reason than its assertion:\n"
        f"{errors[0]['type']}: {errors[0]['message']}"
    )
