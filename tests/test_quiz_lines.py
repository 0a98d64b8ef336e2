"""Quiz warnings name the real line, also when the quiz is the first thing inside an admonition,
a dropdown, a tab-item or a grid-item (where MyST itself reports directive lines wrongly)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent / "roots" / "test-quiz-lines"
CONTAINERS = ["note", "admonition", "dropdown", "tab", "grid"]
# (part of the message, text on the line the warning must point at)
MISTAKES = [
    ("':xp: lots-ln-{c}' is not a whole number", ":xp: lots-ln-{c}"),
    ("duplicate option 'same-ln-{c}'", ("- [ ] same-ln-{c}")),
    ("unknown option ':class:' in {{explanation}}", ":class: x-ln-{c}"),
]
WARNING = re.compile(r"index\.md:(?P<line>\d+): WARNING: (?P<message>.*) \[quiz\.[\w-]+\]$")


def line_of(text: str) -> int:
    lines = (ROOT / "index.md").read_text(encoding="utf-8").splitlines()
    (number,) = [n for n, line in enumerate(lines, 1) if line.strip() == text]
    return number


@pytest.fixture(scope="module")
def built(build_root):
    done = build_root("quiz-lines", "html")
    assert done.returncode == 0, done.warnings
    probes = list(done.app.config.probe_lines)
    found = [WARNING.search(line.strip()) for line in done.warnings.splitlines()]
    return [m for m in found if m], probes


@pytest.mark.parametrize("container", CONTAINERS)
@pytest.mark.parametrize("mistake", range(len(MISTAKES)))
def test_a_quiz_first_in_a_container_reports_the_real_line(built, container, mistake):
    warnings, _probes = built
    message, anchor = (part.format(c=container) for part in MISTAKES[mistake])
    lines = [int(w["line"]) for w in warnings if message in w["message"]]
    assert line_of(anchor) in lines, [w.group(0) for w in warnings]


def test_myst_still_reports_nested_directive_lines_wrongly(built):
    """When this fails, MyST reports nested lines right (executablebooks/MyST-Parser#1175):
    remove the workaround ``parse.source_line`` and this test."""
    _warnings, probes = built
    ((_content, reported),) = probes
    assert reported != line_of("::::{probe}"), (
        "MyST now reports the line of a directive nested in another one correctly: drop "
        "extensions/quiz/parse.py source_line() (and first_content_line's MyST offset fix)"
    )
