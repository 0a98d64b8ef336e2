"""Compare what a block printed with the output its author wrote under it.

Trailing whitespace and trailing blank lines never count. A line holding only ``...`` stands
for any number of lines (none included), for output that changes from run to run.
"""

from __future__ import annotations

import difflib

ELLIPSIS = "..."
DIFF_LINES = 40


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def output_matches(expected: str, printed: str) -> bool:
    want, got = _lines(expected), _lines(printed)
    # reachable[j]: the expected lines read so far can account for exactly got[:j]
    reachable = [True] + [False] * len(got)
    for line in want:
        if line.strip() == ELLIPSIS:
            for j in range(1, len(got) + 1):
                reachable[j] = reachable[j] or reachable[j - 1]
        else:
            reachable = [False] + [reachable[j] and got[j] == line for j in range(len(got))]
    return reachable[-1]


def output_diff(expected: str, printed: str) -> str:
    """A short unified diff, expected first, for the failure message."""
    diff = list(
        difflib.unified_diff(
            _lines(expected), _lines(printed), "expected", "printed", lineterm="", n=2
        )
    )
    if len(diff) > DIFF_LINES:
        diff = [*diff[:DIFF_LINES], f"... ({len(diff) - DIFF_LINES} more diff lines)"]
    return "\n".join(diff) if diff else "(no output)"
