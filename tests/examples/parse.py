"""Find a MyST page's runnable Python, in page order, with what the author said about each block.

Pure: text in, :class:`Page` out. It reads the page with MyST's own Markdown parser and walks
into directive bodies (tab-items, admonitions, exercises, quizzes...) the way Sphinx would, so a
block nested five directives deep is found and keeps its true line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from extensions.examples.convention import (
    MARKER,
    MISSING_SYNC_GROUP,
    OUTPUT_MARKER,
    SKIP_MARKER,
    SYNC_GROUP,
    backend_tab_problems,
    looks_like_backend_tabs,
)

#: Fence languages that run. ``pycon``/``ipython`` (prompts) and shell fences never run.
PYTHON_LANGUAGES = frozenset({"python", "py", "python3"})
#: Directives whose argument is a language and whose body is code.
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode"})
#: Directives whose body is not Markdown, so it holds no blocks to look for.
LITERAL_DIRECTIVES = frozenset(
    {
        "code-cell",
        "csv-table",
        "eval-rst",
        "graphviz",
        "highlight",
        "include",
        "literalinclude",
        "math",
        "mermaid",
        "parsed-literal",
        "raw",
        "toctree",
    }
)
OUTPUT_LANGUAGE = "text"


@dataclass
class Block:
    """One Python code block of a page."""

    code: str
    line: int  # 1-based line of the opening fence or directive
    code_line: int  # 1-based line of the code's first line
    backend: str | None = None  # set inside a backend tab-item: runs on that backend only
    skip: str | None = None  # the reason given by a skip marker
    expected: str | None = None  # stdout the block must print
    expected_line: int | None = None  # 1-based line of the output fence

    def runs_on(self, backend: str) -> bool:
        return self.skip is None and self.backend in (None, backend)


@dataclass
class Problem:
    line: int
    message: str


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def runnable(self, backend: str) -> list[Block]:
        return [block for block in self.blocks if block.runs_on(backend)]

    @property
    def skipped(self) -> list[Block]:
        return [block for block in self.blocks if block.skip is not None]


@cache
def _markdown():
    config = MdParserConfig(
        enable_extensions={"colon_fence", "deflist", "tasklist", "dollarmath", "attrs_inline"}
    )
    return create_md_parser(config, RendererHTML)


def parse_page(text: str) -> Page:
    """All Python blocks of a MyST page and every misuse of the example markers."""
    page = Page()
    _Walker(page).walk(text, offset=0, backend=None, tabs=None)
    return page


@dataclass
class _Directive:
    name: str
    argument: str
    options: dict[str, str]
    body: str
    body_offset: int  # 0-based page line of the body's first line


@dataclass
class _Marker:
    kind: str  # "skip" or "output"
    reason: str
    line: int


def _split_directive(info: str, content: str, fence_line: int) -> _Directive | None:
    """Read a ``{name} argument`` fence the way MyST does: options first, then the body."""
    match = re.match(r"\{([^}]+)\}\s*(.*)$", info.strip())
    if not match:
        return None
    lines = content.splitlines()
    options: dict[str, str] = {}
    used = 0
    if lines and lines[0].startswith("---"):
        for index, line in enumerate(lines[1:], start=1):
            if line.startswith("---"):
                used = index + 1
                break
            key, _, value = line.partition(":")
            options[key.strip()] = value.strip()
    else:
        for line in lines:
            option = re.match(r"\s*:([\w-]+):\s*(.*)$", line)
            if not option or line.lstrip().startswith(":::"):
                break
            options[option[1]] = option[2].strip()
            used += 1
    if used < len(lines) and not lines[used].strip():
        used += 1  # MyST drops one blank line between the options and the body
    body = "\n".join(lines[used:])
    return _Directive(match[1].strip(), match[2].strip(), options, body, fence_line + 1 + used)


class _TabSet:
    def __init__(self, line: int, sync_group: str | None):
        self.line = line
        self.is_backend = sync_group == SYNC_GROUP
        self.keys: list[str | None] = []


class _Walker:
    def __init__(self, page: Page):
        self.page = page

    def problem(self, line: int, message: str) -> None:
        self.page.problems.append(Problem(line, message))

    def walk(self, text: str, offset: int, backend: str | None, tabs: _TabSet | None) -> None:
        """Walk Markdown ``text`` whose first line is page line ``offset`` (0-based).

        ``tabs`` is set when ``text`` is the body of a tab-set, to collect its tab keys.
        """
        marker: _Marker | None = None
        last_python: Block | None = None  # an output fence may follow this block
        for token in _markdown().parse(text):
            if token.type == "myst_line_comment":
                for index, comment in enumerate(token.content.split("\n")):
                    found = self.read_marker(comment, offset + token.map[0] + 1 + index)
                    if found and marker:
                        self.misplaced(marker)
                    marker = found or marker
                continue
            if token.nesting == -1:
                continue  # a closing tag separates nothing
            if token.map is None:
                continue  # inline-level bits carry no line and hold no blocks
            line = offset + token.map[0] + 1
            block = None
            if token.type in ("fence", "colon_fence"):
                block = self.fence(token, line, offset, backend, tabs)
            if marker and marker.kind == "output":
                if (
                    last_python is not None
                    and last_python.expected is None
                    and token.type == "fence"
                    and token.info.strip().split(" ")[0] == OUTPUT_LANGUAGE
                ):
                    last_python.expected = token.content
                    last_python.expected_line = line
                    marker, last_python = None, None
                    continue
                self.misplaced(marker)
            elif marker:  # skip
                if block is None:
                    self.misplaced(marker)
                else:
                    block.skip = marker.reason
            marker = None
            last_python = block
        if marker:
            self.misplaced(marker)

    def read_marker(self, comment: str, line: int) -> _Marker | None:
        text = comment.strip()
        if not text.lower().startswith("example"):
            return None  # an ordinary comment
        match = MARKER.match(text)
        kind, rest = (match["kind"], match["rest"].strip()) if match else ("", "")
        if kind == "skip":
            if not rest:
                self.problem(
                    line,
                    "'% example: skip' needs a reason after 'skip', e.g. "
                    "'% example: skip needs TensorFlow'",
                )
            return _Marker("skip", rest, line)
        if kind == "output" and not rest:
            return _Marker("output", "", line)
        self.problem(
            line,
            f"'% {text}' is not an example marker; write '{SKIP_MARKER}' above a python "
            f"block or '{OUTPUT_MARKER}' above the text block that follows it",
        )
        return None

    def misplaced(self, marker: _Marker) -> None:
        if marker.kind == "skip":
            message = "'% example: skip' must stand directly above a python code block"
        else:
            message = (
                "'% example: output' must stand between a python code block and a ```text "
                "block holding what it prints"
            )
        self.problem(marker.line, message)

    def fence(self, token, line: int, offset: int, backend, tabs: _TabSet | None) -> Block | None:
        """The Python block this fence is, after walking into it if it is a directive."""
        directive = _split_directive(token.info, token.content, offset + token.map[0])
        if directive is None:
            language = token.info.strip().split(" ")[0]
            if token.type == "fence" and language in PYTHON_LANGUAGES:
                return self.add_block(token.content, line, line + 1, backend)
            return None
        if directive.name in CODE_DIRECTIVES:
            if directive.argument.split(" ")[0] in PYTHON_LANGUAGES:
                return self.add_block(directive.body, line, directive.body_offset + 1, backend)
            return None
        if directive.name in LITERAL_DIRECTIVES:
            return None
        if directive.name == "tab-set":
            inner = _TabSet(line, directive.options.get("sync-group"))
            self.walk(directive.body, directive.body_offset, backend, inner)
            self.check_tabs(inner)
            return None
        if directive.name == "tab-item" and tabs is not None:
            key = directive.options.get("sync")
            tabs.keys.append(key)
            if tabs.is_backend:
                backend = key
        self.walk(directive.body, directive.body_offset, backend, None)
        return None

    def add_block(self, code: str, line: int, code_line: int, backend: str | None) -> Block:
        block = Block(code=code, line=line, code_line=code_line, backend=backend)
        self.page.blocks.append(block)
        return block

    def check_tabs(self, tabs: _TabSet) -> None:
        if tabs.is_backend:
            for message in backend_tab_problems(tabs.keys):
                self.problem(tabs.line, message)
        elif looks_like_backend_tabs(tabs.keys):
            self.problem(tabs.line, MISSING_SYNC_GROUP)
