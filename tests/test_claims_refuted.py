"""Statements the course once made and corrected stay wrong: each fails on its backends.

A claim check on a page proves the corrected sentence; the files in ``tests/refuted/`` assert the
old, wrong sentence and must fail with an ``AssertionError``, so a check that cannot tell the two
apart, or a Keras release that changes the behaviour, shows up here (see tests/refuted/README.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REFUTED = Path(__file__).resolve().parent / "refuted"
ALL_BACKENDS = ("jax", "torch", "tensorflow")
TIMEOUT = 300


def _backends(path: Path) -> tuple[str, ...]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    if first.startswith("# backends:"):
        named = tuple(first.split(":", 1)[1].split())
        unknown = set(named) - set(ALL_BACKENDS)
        assert not unknown, f"{path.name}: unknown backends {sorted(unknown)} on its first line"
        return named
    return ALL_BACKENDS


CASES = [
    pytest.param(path, backend, id=f"{path.stem}-{backend}")
    for path in sorted(REFUTED.glob("*.py"))
    for backend in _backends(path)
]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "backend"), CASES)
def test_a_refuted_statement_fails_with_an_assertion_error(path, backend):
    env = {**os.environ, "KERAS_BACKEND": backend, "PYTHONHASHSEED": "0"}
    env.pop("KERAS_HOME", None)
    result = subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
        cwd=path.parent,
    )
    last = result.stderr.strip().splitlines()[-1:] or [""]
    assert result.returncode != 0, f"{path.name} holds on {backend}: the old statement came true"
    assert last[0].startswith("AssertionError"), (
        f"{path.name} failed on {backend} for another reason than its assertion:\n"
        + "\n".join(result.stderr.strip().splitlines()[-15:])
    )


def test_every_refuted_file_says_what_it_refutes():
    for path in REFUTED.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert '"""' in text, f"{path.name}: add a docstring naming the page and the old sentence"
