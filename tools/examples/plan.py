"""The run plans: built by Sphinx's ``examples`` builder, read here into :class:`Page` objects.

The runner never reads Markdown: Sphinx reads the pages (with the course's configuration, or the
folder's own ``conf.py``) and ``extensions/examples/builder.py`` writes one plan per page. Plans
are cached under ``_build/examples/``, in a folder keyed by the pages' folder and by the code
that reads pages (our extensions and conf.py), so a change to that code reads every page again
while an unchanged course costs one incremental Sphinx run.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field, fields
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "_build" / "examples"


@dataclass
class Block:
    """One Python code block of a page."""

    code: str
    line: int  # 1-based line of the opening fence or directive
    code_line: int  # 1-based line of the code's first line
    backend: str | None = None  # set inside a backend tab-item: runs on that backend only
    skip: str | None = None  # the reason given by a skip marker
    expected: str | None = None  # stdout the block must print
    expected_line: int | None = None  # 1-based line of the output block
    claim: str | None = None  # the sentence of the page this block proves (a claim check)
    hidden: bool = False  # a {claim} directive's code, which readers never see

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
    #: The backends the page runs on, in order: the plan's ``backends``, which the examples
    #: builder takes from ``extensions/examples/convention.RUN_BACKENDS``.
    backends: tuple[str, ...] = ()

    def runnable(self, backend: str) -> list[Block]:
        return [block for block in self.blocks if block.runs_on(backend)]

    @property
    def skipped(self) -> list[Block]:
        return [block for block in self.blocks if block.skip is not None]


@dataclass
class PagePlan:
    docname: str  # below the source folder, without suffix: what `pytest -k` matches
    path: Path  # the page's source file
    page: Page
    text: str  # the plan as the builder wrote it: equal texts run the same way


_BLOCK_FIELDS = frozenset(f.name for f in fields(Block))


def page_from_plan(plan: dict) -> Page:
    # A field this runner does not know yet (the builder may add some) is left out, not an
    # error: the plan's text, which the result cache and `make check` compare, still holds it.
    return Page(
        blocks=[
            Block(**{k: v for k, v in block.items() if k in _BLOCK_FIELDS})
            for block in plan["blocks"]
        ],
        problems=[Problem(**problem) for problem in plan["problems"]],
        backends=tuple(plan["backends"]),
    )


def _reader_code() -> list[Path]:
    return sorted([REPO / "conf.py", *(REPO / "extensions").rglob("*.py")])


def cache_folder(srcdir: Path, confdir: Path) -> Path:
    digest = hashlib.sha256(f"{srcdir.resolve()}\n{confdir.resolve()}".encode())
    for path in _reader_code():
        digest.update(path.read_bytes())
    return CACHE / digest.hexdigest()[:16]


def confdir_for(srcdir: Path) -> Path:
    """A folder with its own conf.py is read with it; any other with the course's."""
    return srcdir if (srcdir / "conf.py").is_file() else REPO


def build_plans(srcdir: Path, outdir: Path | None = None, confdir: Path | None = None) -> Path:
    """Run Sphinx's ``examples`` builder over ``srcdir``; return the folder of plans.

    Runs in this process, quietly: a page's example problems are in its plan, and every other
    warning is the HTML build's business.
    """
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    srcdir = Path(srcdir).resolve()
    confdir = Path(confdir or confdir_for(srcdir)).resolve()
    outdir = Path(outdir or cache_folder(srcdir, confdir))
    overrides = {}
    if not (srcdir / "index.md").is_file():  # a loose folder of pages: any page may be the root
        first = min(srcdir.rglob("*.md"), default=None)
        if first is not None:
            overrides["root_doc"] = first.relative_to(srcdir).with_suffix("").as_posix()
    with patch_docutils(confdir), docutils_namespace():
        app = Sphinx(
            srcdir,
            confdir,
            outdir / "plans",
            outdir / "doctrees",
            "examples",
            confoverrides=overrides,
            status=None,
            warning=io.StringIO(),
            freshenv=False,
        )
        app.build()
    return outdir / "plans"


def read_plans(plans: Path, srcdir: Path) -> list[PagePlan]:
    """Every page's plan, in docname order."""
    index = json.loads((plans / "plans.json").read_text(encoding="utf-8"))
    found = []
    for docname, relative in sorted(index["pages"].items()):
        text = (plans / relative).read_text(encoding="utf-8")
        plan = json.loads(text)
        found.append(PagePlan(docname, Path(srcdir) / plan["source"], page_from_plan(plan), text))
    return found


def plans_of(srcdir: Path) -> list[PagePlan]:
    """Build (or bring up to date) and read the plans of every page under ``srcdir``."""
    return read_plans(build_plans(srcdir), srcdir)
