"""Check backend tab-sets while pages are read: every backend once, no other keys.

sphinx-design marks a tab-set's labels with ``sync_id`` (the ``:sync:`` key) and
``sync_group`` (the tab-set's ``:sync-group:``); that is all this needs. The rules themselves
are in ``convention.py``. A problem is a typed warning (``examples.backend-tab``) and is also kept
for the page's run plan, so the example runner refuses the page too.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..walk import elements
from .convention import (
    MISSING_SYNC_GROUP,
    SYNC_GROUP,
    backend_tab_problems,
    looks_like_backend_tabs,
)
from .markers import add_problem
from .warning_types import Subtype


def _component(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Element) and node.get("design_component") == name


def _labels(tab_set: nodes.Element) -> list[nodes.Element]:
    return [
        item[0]
        for item in tab_set.children
        if _component(item, "tab-item") and item.children and isinstance(item[0], nodes.rubric)
    ]


def check_backend_tabs(app: Sphinx, doctree: nodes.document) -> None:
    for tab_set in [node for node in elements(doctree) if _component(node, "tab-set")]:
        labels = _labels(tab_set)
        keys = [label.get("sync_id") for label in labels]
        if any(label.get("sync_group") == SYNC_GROUP for label in labels):
            problems = backend_tab_problems(keys)
        else:
            problems = [MISSING_SYNC_GROUP] if looks_like_backend_tabs(keys) else []
        for problem in problems:
            add_problem(doctree, tab_set.line, problem, Subtype.BACKEND_TAB)


def setup_tab_check(app: Sphinx) -> None:
    app.connect("doctree-read", check_backend_tabs)
