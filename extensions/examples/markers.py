"""Mark a page's runnable Python blocks while Sphinx reads it; drop the ``% example:`` comments.

Each Python code block the author wrote in MyST (a ```python fence or a ``{code-block} python``
directive, at any depth) gets ``example_*`` attributes: its first code line, its backend tab, the
reason of a skip marker above it, the sentence of a claim marker above it and the expected
output of an output marker under it. A ``{claim}`` directive's hidden code (``claims.py``) is
marked the same way. The
``examples`` builder (``builder.py``) turns those into the run plan. Marker misuse is a typed
warning (``examples.marker``) at the marker's line, and is also kept on the document
(``example_problems``) so the run plan, and so the runner, refuses the page.

MyST keeps comments as comment nodes, which HTML writes out as ``<!-- -->`` and LaTeX as ``%``
lines; a marker is no business of a reader, so it leaves no trace in any output.

MyST records no line for a comment nor for the first line of a code-block directive's body, so
those two are found in the page's lines, starting from what the doctree does say.
"""

from __future__ import annotations

import functools
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..walk import elements
from .convention import (
    MISPLACED_CLAIM,
    MISPLACED_OUTPUT,
    MISPLACED_SKIP,
    MISSING_CLAIM,
    MISSING_REASON,
    OUTPUT_LANGUAGE,
    PYTHON_LANGUAGES,
    SYNC_GROUP,
    not_a_marker,
    read_marker,
)
from .warning_types import Subtype, warn

logger = logging.getLogger(__name__)

#: Attributes this module puts on a runnable ``literal_block`` and on the document.
CODE_LINE = "example_code_line"
BACKEND = "example_backend"
SKIP = "example_skip"
EXPECTED = "example_expected"
EXPECTED_LINE = "example_expected_line"
RUNNABLE = "example_runnable"
PROBLEMS = "example_problems"
CLAIM = "example_claim"  # the sentence a claim check proves (claims.py)
HIDDEN = "example_hidden"  # a {claim} directive's code: run, never shown
#: The class of an output marker's text block, the output a reader sees under the code.
OUTPUT_CLASS = "kq-output"

#: How a MyST code fence or directive opens; a ``.. code-block::`` in ``{eval-rst}`` does not.
MYST_OPENERS = ("```", "~~~", ":::")


def add_problem(doctree: nodes.document, line: int | None, message: str, subtype: Subtype) -> None:
    """Warn at ``line`` of the page being read and keep the problem for the run plan."""
    doctree.setdefault(PROBLEMS, []).append([line or 0, message])
    warn(subtype, message, (doctree.settings.env.docname, line), logger=logger)


def _language(node: nodes.Node) -> str:
    return node.get("language", "") if isinstance(node, nodes.literal_block) else ""


def _unwrap(node: nodes.Node | None) -> nodes.Node | None:
    """A captioned code block is a container holding the caption and the block."""
    if isinstance(node, nodes.container) and "literal-block-wrapper" in node["classes"]:
        return next(iter(node.findall(nodes.literal_block)), None)
    return node


def _python_block(node: nodes.Node | None) -> nodes.literal_block | None:
    node = _unwrap(node)
    return node if isinstance(node, nodes.literal_block) and node.get(RUNNABLE) else None


def _backend(node: nodes.Node) -> str | None:
    """The ``:sync:`` key of the innermost backend tab-item around ``node``, if any."""
    parent = node.parent
    while parent is not None:
        if parent.get("design_component") == "tab-item" and parent.children:
            label = parent[0]
            if isinstance(label, nodes.rubric) and label.get("sync_group") == SYNC_GROUP:
                return label.get("sync_id")
        parent = parent.parent
    return None


def code_line(lines: list[str], node: nodes.literal_block) -> int:
    """The page line of the block's first code line (options and a blank line may come first)."""
    code = [line.strip() for line in node.astext().splitlines()]
    start = node.line or 0  # lines[start] is the line after the opener
    for first in range(start, min(start + 50, len(lines))):
        if [line.strip() for line in lines[first : first + len(code)]] == code:
            return first + 1
    return start + 1


def _comment_line(lines: list[str], comment: nodes.comment, after: int) -> int | None:
    """The page line of the first line of ``comment``, searching from line ``after``."""
    first = comment.astext().splitlines()[0].strip() if comment.astext() else ""
    for index in range(max(after, comment.line or 1) - 1, len(lines)):
        text = lines[index].lstrip()
        if text.startswith("%") and text[1:].strip() == first:
            return index + 1
    return None


def _next(node: nodes.Node, markers: set[int]) -> nodes.Node | None:
    """The sibling after ``node``, passing over ordinary comments."""
    sibling = node.next_node(descend=False, siblings=True, ascend=False)
    while isinstance(sibling, nodes.comment) and id(sibling) not in markers:
        sibling = sibling.next_node(descend=False, siblings=True, ascend=False)
    return sibling


def _previous(node: nodes.Node) -> nodes.Node | None:
    index = node.parent.index(node)
    for sibling in reversed(node.parent.children[:index]):
        if not isinstance(sibling, nodes.comment):
            return sibling
    return None


def page_lines(doctree: nodes.document) -> list[str]:
    """The page's lines; read once per version of the file, however many blocks ask."""
    try:
        path = Path(doctree["source"])
        stat = path.stat()
    except (KeyError, OSError):
        return []
    return list(_read_lines(path, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=16)
def _read_lines(path: Path, _mtime_ns: int, _size: int) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        return ()


def mark_blocks(app: Sphinx, doctree: nodes.document) -> None:
    lines = page_lines(doctree)
    # One walk finds the blocks and the comments (markers) that _apply_markers reads.
    blocks, comments = [], []
    for node in elements(doctree):
        if isinstance(node, nodes.literal_block):
            blocks.append(node)
        elif isinstance(node, nodes.comment):
            comments.append(node)
    for block in blocks:
        if block.get(HIDDEN):  # a {claim}: claims.py marked it; a tab around it names its backend
            block[BACKEND] = block.get(BACKEND) or _backend(block)
            continue
        if _language(block) not in PYTHON_LANGUAGES or "source" in block:
            continue  # literalinclude copies a file: the file is not a page's example
        opener = lines[block.line - 1].lstrip() if block.line and block.line <= len(lines) else ""
        if not opener.startswith(MYST_OPENERS):
            continue  # reST inside {eval-rst}: not a block of the MyST page
        block[RUNNABLE] = True
        block[CODE_LINE] = code_line(lines, block)
        block[BACKEND] = _backend(block)
    _apply_markers(doctree, lines, comments)


def _apply_markers(
    doctree: nodes.document, lines: list[str], comments: list[nodes.comment]
) -> None:
    found: list[tuple[nodes.comment, list[tuple[int, str, str]]]] = []
    after = 1
    for comment in comments:
        line = _comment_line(lines, comment, after)
        markers = []
        for offset, text in enumerate(comment.astext().splitlines()):
            marker = read_marker(text)
            if marker is not None:
                markers.append(((line or 0) + offset, *marker))
        if markers:
            found.append((comment, markers))
        if line:
            after = line + 1
    marker_comments = {id(comment) for comment, _ in found}
    for comment, markers in found:
        for line, kind, rest in markers[:-1]:
            _check_marker(doctree, line, kind, rest)  # a later marker takes its place
            if kind:
                _misplaced(doctree, line, kind)
        _place(doctree, comment, *markers[-1], marker_comments)
    for comment, _ in found:
        comment.parent.remove(comment)


def _check_marker(doctree: nodes.document, line: int, kind: str, rest: str) -> None:
    if kind == "":
        add_problem(doctree, line, not_a_marker(rest), Subtype.MARKER)
    elif kind == "skip" and not rest:
        add_problem(doctree, line, MISSING_REASON, Subtype.MARKER)
    elif kind == "claim" and not rest:
        add_problem(doctree, line, MISSING_CLAIM, Subtype.MARKER)


_MISPLACED = {"skip": MISPLACED_SKIP, "claim": MISPLACED_CLAIM, "output": MISPLACED_OUTPUT}


def _misplaced(doctree: nodes.document, line: int, kind: str) -> None:
    add_problem(doctree, line, _MISPLACED[kind], Subtype.MARKER)


def _place(doctree, comment, line: int, kind: str, rest: str, marker_comments) -> None:
    _check_marker(doctree, line, kind, rest)
    if not kind:
        return
    following = _next(comment, marker_comments)
    if kind in ("skip", "claim"):
        block = _python_block(following)
        if block is None or block.get(HIDDEN):
            _misplaced(doctree, line, kind)
        elif kind == "skip":
            block[SKIP] = rest  # even empty: a block whose skip lacks a reason never runs
        elif rest:
            block[CLAIM] = rest
        return
    above = _python_block(_previous(comment))
    if (
        above is not None
        and EXPECTED not in above
        and isinstance(following, nodes.literal_block)
        and _language(following) == OUTPUT_LANGUAGE
    ):
        above[EXPECTED] = following.astext()
        above[EXPECTED_LINE] = following.line
        following["classes"].append(OUTPUT_CLASS)  # styled as output, not code (keras-quest.css)
    else:
        _misplaced(doctree, line, kind)


def setup_markers(app: Sphinx) -> None:
    app.connect("doctree-read", mark_blocks)
