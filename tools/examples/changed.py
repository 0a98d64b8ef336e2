"""Print the course pages (relative to docs/, one a line) whose examples a branch changes.

A page is selected when its run plan (what Sphinx's ``examples`` builder says will run: code,
lines, markers, backend tabs, backends) differs from the plan of the same page at the base, the
merge-base with ``origin/main`` if that exists, else with ``main``. Plans are built from the
working tree, so uncommitted and untracked changes count, in whatever file they are: a page,
an include, conf.py, an extension. A change to what runs every plan (the runner in
tools/examples/, tests/test_examples.py, the Keras pin in pyproject.toml) selects every page, and
so does a base that cannot build plans. Printing nothing means no page's examples changed.

Usage: ``python -m tools.examples.changed`` (``make check`` runs it).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.examples.plan import CACHE, REPO, build_plans, read_plans  # noqa: E402

DOCS = REPO / "docs"
#: Files that decide how every plan runs, not what it holds.
EVERYTHING = ("pyproject.toml", "tools/examples/", "tests/test_examples.py")


def _git(*args: str) -> list[str]:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    return done.stdout.split("\n") if done.returncode == 0 else []


def _base() -> str | None:
    for ref in ("origin/main", "main"):
        found = _git("merge-base", "HEAD", ref)
        if found and found[0].strip():
            return found[0].strip()
    return None


def changed_files(base: str | None) -> set[str]:
    files: set[str] = set()
    if base:
        files.update(_git("diff", "--name-only", base, "--"))
    files.update(_git("diff", "--name-only", "HEAD", "--"))
    files.update(_git("ls-files", "--others", "--exclude-standard"))
    return {f.strip() for f in files if f.strip()}


def plan_texts(plans: Path, docs: Path) -> dict[str, str]:
    """docname -> plan text, for the pages with something to run or a problem to report."""
    return {
        plan.path.relative_to(docs).as_posix(): plan.text
        for plan in read_plans(plans, docs)
        if plan.page.blocks or plan.page.problems
    }


def base_plans(base: str) -> dict[str, str] | None:
    """The plans of the base commit, built with the base's own conf.py and extensions."""
    plans = CACHE / f"base-{base}"
    if not (plans / "plans.json").is_file():
        with tempfile.TemporaryDirectory(prefix="kq-base-") as tree:
            archive = subprocess.run(
                ["git", "archive", base], cwd=REPO, capture_output=True, check=False
            )
            unpack = subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout, check=False)
            if archive.returncode or unpack.returncode:
                return None
            done = subprocess.run(
                [sys.executable, "-m", "sphinx", "-q", "-b", "examples", "-c", tree,
                 "-d", str(Path(tree) / "_doctrees"), str(Path(tree) / "docs"), str(plans)],
                cwd=tree, capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode or not (plans / "plans.json").is_file():
                return None  # the base has no examples builder yet, or does not build
    return plan_texts(plans, DOCS)


def changed_pages() -> list[str]:
    head = plan_texts(build_plans(DOCS), DOCS)
    base = _base()
    everything = any(f == e or f.startswith(e) for f in changed_files(base) for e in EVERYTHING)
    before = base_plans(base) if base and not everything else None
    return differing(head, before)


def differing(head: dict[str, str], before: dict[str, str] | None) -> list[str]:
    """The pages of ``head`` whose plan is not the one in ``before`` (every page without one)."""
    if before is None:
        return sorted(head)
    return sorted(page for page, text in head.items() if before.get(page) != text)


if __name__ == "__main__":
    print("\n".join(changed_pages()))
    sys.exit(0)
