"""The authoring conventions of runnable examples, in one place: markers and backend tabs.

Both the Sphinx build (``markers.py``, ``tabs.py``) and the example runner (``tests/examples``)
read pages by these rules, so an author gets the same verdict from either. Pure: no Sphinx.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

#: A MyST comment ``% example: <kind> <rest>`` speaks to the runner; the site never shows it.
MARKER = re.compile(r"\s*example\s*:\s*(?P<kind>\S*)\s*(?P<rest>.*)$")
SKIP_MARKER = "% example: skip <reason>"
OUTPUT_MARKER = "% example: output"

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
