"""pytest plugin: at the end of a session, say what the example runner ran, skipped and took.

Skips are counted once per block (a skipped block is skipped on every backend), grouped by the
reason its marker gives, so "12 x downloads a dataset" stands out in the summary.
"""

from __future__ import annotations

import importlib.util
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pytest

from tests.examples.runner import OPTIONAL_BACKENDS, PageRun, SourcePage


@dataclass
class Record:
    skipped: dict[tuple[str, int], str] = field(default_factory=dict)  # (page, line) -> reason
    pages: Counter = field(default_factory=Counter)  # backend -> pages run
    blocks: Counter = field(default_factory=Counter)  # backend -> blocks run
    seconds: defaultdict = field(default_factory=lambda: defaultdict(float))

    def note_page(self, source: SourcePage) -> None:
        for block in source.page.skipped:
            self.skipped[(source.name, block.line)] = block.skip or "(no reason given)"

    def note_run(self, run: PageRun) -> None:
        self.pages[run.backend] += 1
        self.blocks[run.backend] += len(run.outcomes)
        self.seconds[run.backend] += run.seconds


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


RECORD = pytest.StashKey[Record]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[RECORD] = Record()


@pytest.fixture
def examples_record(request: pytest.FixtureRequest) -> Record:
    return request.config.stash[RECORD]


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    record = config.stash.get(RECORD, None)
    if record is None or not (record.pages or record.skipped):
        return
    write = terminalreporter.write_line
    terminalreporter.section("course examples")
    for backend in sorted(record.pages):
        pages, blocks = record.pages[backend], record.blocks[backend]
        write(
            f"{backend}: {_count(pages, 'page')}, {_count(blocks, 'block')} run "
            f"in {record.seconds[backend]:.1f} s"
        )
    for backend in OPTIONAL_BACKENDS:
        if backend not in record.pages and importlib.util.find_spec(backend) is None:
            write(f"{backend}: not installed, so no example ran on it")
    reasons = Counter(record.skipped.values())
    write(f"skipped blocks: {sum(reasons.values())}")
    for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])):
        write(f"  {count:>3} x {reason}")
