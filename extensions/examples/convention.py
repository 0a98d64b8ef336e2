"""The authoring conventions of runnable examples, in one place: markers and backend tabs.

The Sphinx build applies them while it reads the pages (``markers.py``, ``tabs.py``) and writes
what it found into the run plans that the example runner (``tools/examples``) executes, so there
is one verdict for authors. Pure: no Sphinx.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

#: A MyST comment ``% example: <kind> <rest>`` speaks to the runner; the site never shows it.
MARKER = re.compile(r"\s*example\s*:\s*(?P<kind>\S*)\s*(?P<rest>.*)$")
SKIP_MARKER = "% example: skip <reason>"
OUTPUT_MARKER = "% example: output"
CLAIM_MARKER = "% example: claim <the sentence the block proves>"

#: Code block languages that run. ``pycon``/``ipython`` (prompts) and shell blocks never run.
PYTHON_LANGUAGES = frozenset({"python", "py", "python3"})
#: The language of the block under ``% example: output`` that holds what the code prints.
OUTPUT_LANGUAGE = "text"

MISSING_REASON = (
    "'% example: skip' needs a reason after 'skip', e.g. '% example: skip needs TensorFlow'"
)
MISPLACED_SKIP = "'% example: skip' must stand directly above a python code block"
MISSING_CLAIM = (
    "'% example: claim' needs the sentence the block proves after 'claim', e.g. "
    "'% example: claim Dense creates its kernel in build, not in __init__'"
)
MISPLACED_CLAIM = "'% example: claim' must stand directly above a python code block"
MISSING_CLAIM_SENTENCE = (
    "a {claim} needs the sentence it checks as its argument, e.g. "
    "'```{claim} fit resets attribute metrics every epoch'"
)
MISSING_CLAIM_CODE = "a {claim} needs Python code in its body that asserts the sentence"
BACKTICK_CLAIM_FENCE = (
    "this {claim} is published as text, not run: a backtick fence cannot hold a backtick in its "
    "first line (CommonMark); open it with '~~~{claim} ...' and close it with '~~~'"
)
MISPLACED_OUTPUT = (
    "'% example: output' must stand between a python code block and a ```text block holding "
    "what it prints"
)


def not_a_marker(text: str) -> str:
    return (
        f"'% {text}' is not an example marker; write '{SKIP_MARKER}' or '{CLAIM_MARKER}' "
        f"above a python block, or '{OUTPUT_MARKER}' above the text block that follows it"
    )


def read_marker(comment_line: str) -> tuple[str, str] | None:
    """``(kind, rest)`` of a comment line that speaks to the runner, None for other comments.

    ``kind`` is ``"skip"``, ``"claim"`` or ``"output"``, or ``""`` for a line that starts like a
    marker but is none (a typo such as ``example: sikp``): ``rest`` is then the whole line.
    """
    text = comment_line.strip()
    if not text.lower().startswith("example"):
        return None
    match = MARKER.match(text)
    kind, rest = (match["kind"], match["rest"].strip()) if match else ("", "")
    if kind in ("skip", "claim") or (kind == "output" and not rest):
        return kind, rest
    return "", text


#: The ``:sync-group:`` that marks a tab-set as one tab per Keras backend.
SYNC_GROUP = "backend"

#: The ``:sync:`` keys of a backend tab-set, in the order the tabs appear on the page.
BACKEND_KEYS = ("jax", "tensorflow", "torch")

#: The backends the example runner runs every page on, in the order it runs them. The stamp on
#: each track page is written from this tuple, so it always names what the runner really runs.
RUN_BACKENDS = ("jax", "torch", "tensorflow")
BACKEND_NAMES = {"jax": "JAX", "torch": "PyTorch", "tensorflow": "TensorFlow"}


def backends_in_words(backends: Iterable[str] = RUN_BACKENDS) -> str:
    """``"JAX, PyTorch and TensorFlow"``: the backends as a reader would list them."""
    names = [BACKEND_NAMES.get(key, key) for key in backends]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _quoted(keys: Iterable[str]) -> str:
    return ", ".join(f"'{key}'" for key in keys)


def backend_tab_problems(keys: Iterable[str | None]) -> list[str]:
    """What is wrong with a backend tab-set whose tab-items carry these ``:sync:`` keys.

    ``None`` stands for a tab-item without a ``:sync:`` option. Returns one sentence per
    problem; an empty list means the tab-set follows the convention.
    """
    keys = list(keys)
    problems = []
    if None in keys:
        problems.append(
            f"a tab-item in a backend tab-set has no ':sync:' key (use one of "
            f"{_quoted(BACKEND_KEYS)})"
        )
    named = [key for key in keys if key is not None]
    unknown = [key for key in named if key not in BACKEND_KEYS]
    if unknown:
        problems.append(
            f"unknown backend tab key {_quoted(unknown)} (use one of {_quoted(BACKEND_KEYS)})"
        )
    doubled = [key for key, count in Counter(named).items() if count > 1]
    if doubled:
        problems.append(f"backend tab key {_quoted(doubled)} appears more than once")
    missing = [key for key in BACKEND_KEYS if key not in named]
    if missing:
        problems.append(f"backend tab-set has no tab for {_quoted(missing)}")
    return problems


def looks_like_backend_tabs(keys: Iterable[str | None]) -> bool:
    """True when every tab-item is keyed by a backend: a tab-set that forgot its sync group."""
    keys = list(keys)
    return bool(keys) and all(key in BACKEND_KEYS for key in keys)


MISSING_SYNC_GROUP = (
    f"tab-set keyed by backends lacks ':sync-group: {SYNC_GROUP}', so its tabs are not synced "
    f"and the example runner would run every tab on every backend"
)
