"""pytest plugin for the example runner.

After collection it plans the page runs of the selected tests, so they can run ahead (see
``schedule.py``). At the end of the session it says what ran, what was skipped and how long it
took. Skips are counted once per block (a skipped block is skipped on every backend), grouped
by the reason its marker gives, so "12 x downloads a dataset" stands out in the summary.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pytest

from tools.examples.runner import PageRun, SourcePage, refusal
from tools.examples.schedule import JOBS, Ahead


@dataclass
class Record:
    skipped: dict[tuple[str, int], str] = field(default_factory=dict)  # (page, line) -> reason
    pages: Counter = field(default_factory=Counter)  # backend -> pages run
    blocks: Counter = field(default_factory=Counter)  # backend -> blocks run
    seconds: defaultdict = field(default_factory=lambda: defaultdict(float))
    cpu: defaultdict = field(default_factory=lambda: defaultdict(float))
    spans: list[tuple[float, float]] = field(default_factory=list)  # (start, end) of each run
    reused: Counter = field(default_factory=Counter)  # backend -> kept runs of unchanged pages

    def note_page(self, source: SourcePage) -> None:
        for block in source.page.skipped:
            self.skipped[(source.name, block.line)] = block.skip or "(no reason given)"

    def note_run(self, run: PageRun) -> None:
        if run.reused:
            self.reused[run.backend] += 1
            return
        self.pages[run.backend] += 1
        self.blocks[run.backend] += len(run.outcomes)
        self.seconds[run.backend] += run.seconds
        self.cpu[run.backend] += run.cpu or 0.0
        if run.seconds:
            self.spans.append((run.started, run.started + run.seconds))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


RECORD = pytest.StashKey[Record]()
AHEAD = pytest.StashKey[Ahead]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[RECORD] = Record()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Plan the page runs of the selected tests, in the order they will run."""
    order = []
    for item in session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        source, backend = params.get("source"), params.get("backend")
        if isinstance(source, SourcePage) and not refusal(source, backend):
            order.append((source, backend))
    session.config.stash[AHEAD] = Ahead(order)


def pytest_sessionfinish(session: pytest.Session) -> None:
    ahead = session.config.stash.get(AHEAD, None)
    if ahead is not None:
        ahead.close()


@pytest.fixture
def examples_record(request: pytest.FixtureRequest) -> Record:
    return request.config.stash[RECORD]


@pytest.fixture
def examples_ahead(request: pytest.FixtureRequest) -> Ahead:
    return request.config.stash[AHEAD]


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    record = config.stash.get(RECORD, None)
    if record is None or not (record.pages or record.skipped or record.reused):
        return
    write = terminalreporter.write_line
    terminalreporter.section("course examples")
    for backend in sorted(record.pages):
        pages, blocks = record.pages[backend], record.blocks[backend]
        write(
            f"{backend}: {_count(pages, 'page')}, {_count(blocks, 'block')} run, "
            f"{record.seconds[backend]:.1f} s of page processes"
            + (f" ({record.cpu[backend]:.1f} s of CPU)" if record.cpu[backend] else "")
        )
    for backend in sorted(record.reused):
        write(
            f"{backend}: {_count(record.reused[backend], 'page')} unchanged since a passing run, "
            f"not run again (CI=true or KQ_EXAMPLES_REUSE=0 runs them)"
        )
    if record.spans:
        wall = max(end for _, end in record.spans) - min(start for start, _ in record.spans)
        write(f"wall time of the page runs: {wall:.1f} s ({JOBS} at a time)")
    reasons = Counter(record.skipped.values())
    write(f"skipped blocks: {sum(reasons.values())}")
    for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])):
        write(f"  {count:>3} x {reason}")
