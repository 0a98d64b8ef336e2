"""The run plans: built by Sphinx's ``examples`` builder, read here into :class:`Page` objects.

The runner never reads Markdown: Sphinx reads the pages (with the course's configuration, or the
folder's own ``conf.py``) and ``extensions/examples/builder.py`` writes one plan per page. Plans
are cached under ``_build/examples/``, in a folder keyed by the pages' folder, by the code
that reads pages (our extensions and conf.py) and by the lock of the installed packages, so a
change to any of them reads every page again.

Each cache folder remembers what its last build read (``sources.json``): the content of every
file below the pages' folder and of every file a page depends on (an include, an exercise's
files), and when that build started. When nothing differs, the plans are read without starting
Sphinx. When something differs, Sphinx reads again what it finds changed, by its files' times;
a file whose content changed but whose time is older than the last build (restored by
``cp -p``, ``rsync -a`` or an archive) would escape that, so then every page is read again.

``make check`` has just built the site with the same conf.py and extensions: ``seed`` names that
build's doctree folder, which a cache folder without an environment starts from (a copy), so
Sphinx reads only what changed since. Our extensions leave builder-neutral nodes in the doctrees
(``extensions/builders.py``): what a page's plan holds does not depend on which builder read it.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import time
from dataclasses import dataclass, field, fields
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "_build" / "examples"
#: The installed packages (a new Sphinx, MyST or sphinx-design may read pages differently).
LOCK = REPO / "requirements" / "lock.txt"
#: In a cache folder: what its last plan build read (see the module's docstring).
SOURCES = "sources.json"
ENVIRONMENT = "environment.pickle"


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
    return sorted([REPO / "conf.py", *(REPO / "extensions").rglob("*.py"), LOCK])


def cache_folder(srcdir: Path, confdir: Path) -> Path:
    digest = hashlib.sha256(f"{srcdir.resolve()}\n{confdir.resolve()}".encode())
    for path in _reader_code():
        digest.update(path.read_bytes() if path.is_file() else b"")
    return CACHE / digest.hexdigest()[:16]


def confdir_for(srcdir: Path) -> Path:
    """A folder with its own conf.py is read with it; any other with the course's."""
    return srcdir if (srcdir / "conf.py").is_file() else REPO


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # gone (or unreadable): differs from any content


def _files(srcdir: Path, outdir: Path, depends: list[str]) -> list[Path]:
    """Every file below ``srcdir`` (not the plans' own folder) and the files pages depend on."""
    below = [
        path for path in srcdir.rglob("*") if not path.is_relative_to(outdir) and path.is_file()
    ]
    return sorted({*below, *map(Path, depends)})


def _sources(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _changed(srcdir: Path, outdir: Path, last: dict) -> tuple[bool, bool]:
    """(anything changed since the last build, a change Sphinx's file times would miss)."""
    files = _files(srcdir, outdir, last["depends"])
    now = {str(path): _digest(path) for path in files}
    changed = [name for name, digest in now.items() if last["files"].get(name) != digest]
    changed += [name for name in last["files"] if name not in now]
    hidden = False
    for name in changed:
        try:
            hidden |= Path(name).stat().st_mtime_ns < last["started"]
        except OSError:
            pass  # removed: Sphinx sees a removed page or a missing dependency
    return bool(changed), hidden


def _remember(srcdir: Path, outdir: Path, app, started: int) -> None:
    """Write what this build read. A file changed since the build started is written down as
    unknown, so the next build reads it again."""
    depends = sorted({str(Path(p)) for paths in app.env.dependencies.values() for p in paths})
    files = {}
    for path in _files(srcdir, outdir, depends):
        try:
            fresh = path.stat().st_mtime_ns < started
        except OSError:
            fresh = False
        files[str(path)] = _digest(path) if fresh else None
    record = {"started": started, "depends": depends, "files": files}
    (outdir / SOURCES).write_text(json.dumps(record, indent=0) + "\n", encoding="utf-8")


def build_plans(
    srcdir: Path,
    outdir: Path | None = None,
    confdir: Path | None = None,
    seed: Path | None = None,
) -> Path:
    """Run Sphinx's ``examples`` builder over ``srcdir``; return the folder of plans.

    Runs in this process, quietly: a page's example problems are in its plan, and every other
    warning is the HTML build's business. Sphinx does not start when no file it read has
    changed since the last build; ``seed`` is the doctree folder of a build of the same pages
    with the same conf.py that just ended (see the module's docstring).
    """
    srcdir = Path(srcdir).resolve()
    confdir = Path(confdir or confdir_for(srcdir)).resolve()
    outdir = Path(outdir or cache_folder(srcdir, confdir)).resolve()
    plans, doctrees = outdir / "plans", outdir / "doctrees"
    last = _sources(outdir / SOURCES)
    fresh = False
    started = time.time_ns()
    if last is not None and (doctrees / ENVIRONMENT).is_file():
        changed, fresh = _changed(srcdir, outdir, last)
        if not changed and (plans / "plans.json").is_file():
            return plans
    elif seed is not None and (Path(seed) / ENVIRONMENT).is_file():
        shutil.rmtree(doctrees, ignore_errors=True)
        shutil.copytree(seed, doctrees)
        # the seeded environment read the pages when its own build ran, before this one
        started = min(started, (doctrees / ENVIRONMENT).stat().st_mtime_ns)
    (outdir / SOURCES).unlink(missing_ok=True)  # written again once this build has succeeded
    app = _run_sphinx(srcdir, confdir, plans, doctrees, fresh)
    _remember(srcdir, outdir, app, started)
    return plans


def _run_sphinx(srcdir: Path, confdir: Path, plans: Path, doctrees: Path, fresh: bool):
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    overrides = {}
    if not (srcdir / "index.md").is_file():  # a loose folder of pages: any page may be the root
        first = min(srcdir.rglob("*.md"), default=None)
        if first is not None:
            overrides["root_doc"] = first.relative_to(srcdir).with_suffix("").as_posix()
    with patch_docutils(confdir), docutils_namespace():
        app = Sphinx(
            srcdir,
            confdir,
            plans,
            doctrees,
            "examples",
            confoverrides=overrides,
            status=None,
            warning=io.StringIO(),
            freshenv=fresh,
        )
        app.build()
    return app


def read_plans(plans: Path, srcdir: Path) -> list[PagePlan]:
    """Every page's plan, in docname order."""
    index = json.loads((plans / "plans.json").read_text(encoding="utf-8"))
    found = []
    for docname, relative in sorted(index["pages"].items()):
        text = (plans / relative).read_text(encoding="utf-8")
        plan = json.loads(text)
        found.append(PagePlan(docname, Path(srcdir) / plan["source"], page_from_plan(plan), text))
    return found


def plans_of(srcdir: Path, seed: Path | None = None) -> list[PagePlan]:
    """Build (or bring up to date) and read the plans of every page under ``srcdir``."""
    return read_plans(build_plans(srcdir, seed=seed), srcdir)
