"""Every Python block in the course runs, page by page, on every backend.

One test per (page, backend), e.g. ``test_page[torch:tracks/01-why-keras]``. Run one page with
``pytest tests/test_examples.py -k 01-why-keras``. ``KQ_EXAMPLES_DIR`` points the runner at
another folder of pages (its own tests use that).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.examples import runner

pytest_plugins = ["tests.examples.plugin"]

DOCS = Path(os.environ.get("KQ_EXAMPLES_DIR", runner.DOCS)).resolve()
PAGES = runner.discover(DOCS)
BACKENDS = runner.backends()


@pytest.fixture(scope="session")
def pin_mismatch() -> str | None:
    return runner.pin_mismatch()


def test_installed_keras_matches_pin(pin_mismatch):
    if pin_mismatch:
        pytest.fail(pin_mismatch, pytrace=False)


def test_pages_with_examples_exist():
    if not PAGES:
        pytest.fail(f"no page under {DOCS} has a python code block", pytrace=False)


@pytest.mark.parametrize(
    ("source", "backend"),
    [
        pytest.param(source, backend, id=f"{backend}:{source.id}")
        for source in PAGES
        for backend in BACKENDS
    ],
)
def test_page(source, backend, pin_mismatch, examples_record):
    examples_record.note_page(source)
    reasons = [
        *runner.page_problems(source),
        pin_mismatch,
        runner.missing_backend(backend),
    ]
    if any(reasons):
        pytest.fail("\n".join(reason for reason in reasons if reason), pytrace=False)
    run = runner.run_page(source, backend)
    examples_record.note_run(run)
    found = runner.failures(run)
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)
