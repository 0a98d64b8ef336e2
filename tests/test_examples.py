"""Every Python block in the course runs, page by page, on every backend.

One test per (page, backend), e.g. ``test_page[torch:tracks/01-why-keras]``. Run one page with
``pytest tests/test_examples.py -k 01-why-keras``. ``KQ_EXAMPLE_PAGES`` (pages below docs/,
separated by spaces or newlines, as ``make check`` passes them) limits the run to those pages;
``KQ_EXAMPLES_DIR`` points the runner at another folder of pages (its own tests use that).
Which blocks run comes from the run plans Sphinx's ``examples`` builder writes (tools/examples).

Collecting these tests reads the pages' text only: the tests are one per page whose source holds
a Python fence, a ``{claim}`` or an example marker. Sphinx reads the pages (the ``pages``
fixture) when the first test runs, and ``test_pages_with_examples_exist`` checks that the two
lists agree.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from extensions.examples.convention import PYTHON_LANGUAGES, RUN_BACKENDS
from tools.examples import runner
from tools.examples.runner import SourcePage, refusal
from tools.examples.schedule import Ahead

pytest_plugins = ["tools.examples.plugin"]
pytestmark = pytest.mark.ml_stack

DOCS = Path(os.environ.get("KQ_EXAMPLES_DIR", runner.DOCS)).resolve()
#: Collection cannot read the run plans (that needs Sphinx): it offers every backend a plan may
#: name, and a page whose plan leaves one out fails below instead of passing unrun.
BACKENDS = RUN_BACKENDS
CHOSEN = {name.removesuffix(".md") for name in os.environ.get("KQ_EXAMPLE_PAGES", "").split()}

#: A fence's opening line, and an example marker ("% example: skip ...") on a line of its own.
FENCE = re.compile(r"^[ \t>]*(?:`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$", re.M)
MARKER = re.compile(r"^[ \t]*%[ \t]*example[ \t]*:", re.M)
CODE_DIRECTIVES = ("{code-block}", "{code}", "{sourcecode}")


def _may_run(text: str) -> bool:
    """Whether a page's source opens a Python fence or a ``{claim}``, or has an example marker."""
    if MARKER.search(text):
        return True
    for fence in FENCE.finditer(text):
        words = fence.group("info").split()
        if words and (words[0] == "{claim}" or words[0] in PYTHON_LANGUAGES):
            return True
        if len(words) > 1 and words[0] in CODE_DIRECTIVES and words[1] in PYTHON_LANGUAGES:
            return True
    return False


def _scan(docs: Path) -> list[str]:
    """Page ids (paths below ``docs`` without ".md") whose text may hold examples; no Sphinx."""
    found = []
    for path in sorted(docs.rglob("*.md")):
        if any(part.startswith(("_", ".")) for part in path.relative_to(docs).parts):
            continue
        if _may_run(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(docs).with_suffix("").as_posix())
    return found


PAGE_IDS = _scan(DOCS)


@pytest.fixture(scope="session")
def pages() -> dict[str, SourcePage]:
    """The pages Sphinx says have examples (or example problems), by id: the run plans."""
    return {source.id: source for source in runner.discover(DOCS)}


@pytest.fixture(scope="module")
def examples_ahead(request, pages):
    """The selected page runs, planned in the order the tests will ask for them (schedule.py)."""
    order = []
    for item in request.session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        source = pages.get(params.get("page_id"))
        backend = params.get("backend")
        if source is not None and backend and not refusal(source, backend):
            order.append((source, backend))
    ahead = Ahead(order)
    yield ahead
    ahead.close()


def test_installed_keras_matches_pin():
    mismatch = runner.pin_mismatch()
    if mismatch:
        pytest.fail(mismatch, pytrace=False)


def test_pages_with_examples_exist(pages):
    """Sphinx finds pages with examples, the very pages collection took from their text."""
    if not pages:
        pytest.fail(f"no page under {DOCS} has a python code block", pytrace=False)
    missed = sorted(set(pages) - set(PAGE_IDS))
    extra = sorted(set(PAGE_IDS) - set(pages))
    assert not missed, f"pages with examples that collection missed (widen _may_run): {missed}"
    assert not extra, f"pages collected that have no examples (narrow _may_run): {extra}"


@pytest.mark.parametrize(
    ("page_id", "backend"),
    [
        pytest.param(page_id, backend, id=f"{backend}:{page_id}")
        for page_id in PAGE_IDS
        if not CHOSEN or page_id in CHOSEN
        for backend in BACKENDS
    ],
)
def test_page(page_id, backend, pages, examples_record, examples_ahead):
    source = pages.get(page_id)
    if source is None:
        pytest.fail(f"{page_id}: Sphinx found no example on this page", pytrace=False)
    if backend not in source.page.backends:
        pytest.fail(f"{page_id}: its run plan does not list {backend}", pytrace=False)
    examples_record.note_page(source)
    refused = runner.refusal(source, backend)
    if refused:
        pytest.fail(refused, pytrace=False)
    run = examples_ahead.result(source, backend)
    examples_record.note_run(run)
    found = runner.failures(run)
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)
