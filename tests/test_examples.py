"""Every Python block in the course runs, page by page, on every backend.

One test per (page, backend), e.g. ``test_page[torch:tracks/01-why-keras]``. Run one page with
``pytest tests/test_examples.py -k 01-why-keras``. ``KQ_EXAMPLE_PAGES`` (pages below docs/,
separated by spaces or newlines, as ``make check`` passes them) limits the run to those pages;
``KQ_EXAMPLES_DIR`` points the runner at another folder of pages (its own tests use that).
Which blocks run comes from the run plans Sphinx's ``examples`` builder writes (tools/examples).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools.examples import runner

pytest_plugins = ["tools.examples.plugin"]

DOCS = Path(os.environ.get("KQ_EXAMPLES_DIR", runner.DOCS)).resolve()
PAGES = runner.discover(DOCS)
CHOSEN = {name.removesuffix(".md") for name in os.environ.get("KQ_EXAMPLE_PAGES", "").split()}


def test_installed_keras_matches_pin():
    mismatch = runner.pin_mismatch()
    if mismatch:
        pytest.fail(mismatch, pytrace=False)


def test_pages_with_examples_exist():
    if not PAGES:
        pytest.fail(f"no page under {DOCS} has a python code block", pytrace=False)


@pytest.mark.parametrize(
    ("source", "backend"),
    [
        pytest.param(source, backend, id=f"{backend}:{source.id}")
        for source, backend in runner.runs(PAGES)
        if not CHOSEN or source.id in CHOSEN
    ],
)
def test_page(source, backend, examples_record, examples_ahead):
    examples_record.note_page(source)
    refused = runner.refusal(source, backend)
    if refused:
        pytest.fail(refused, pytrace=False)
    run = examples_ahead.result(source, backend)
    examples_record.note_run(run)
    found = runner.failures(run)
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)
