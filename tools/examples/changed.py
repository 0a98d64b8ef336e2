"""Print the course pages (relative to docs/, one a line) whose examples a branch changes.

A page is selected when its run plan (what Sphinx's ``examples`` builder says will run: code,
lines, markers, backend tabs, backends) differs from the plan of the same page at the base, the
merge-base with ``origin/main`` if that exists, else with ``main``. Plans are built from the
working tree, so uncommitted and untracked changes count, in whatever file they are: a page,
an include, conf.py, an extension. A change to what runs every plan (the runner in
tools/examples/, tests/test_examples.py, the Keras pin in pyproject.toml) selects every page, and
so does a base that cannot build plans. Printing nothing means no page's examples changed.

The base's plans are built once per base commit and kept (``_build/examples/base-<commit>``), in a
process of their own that runs beside the branch's plan build. ``--doctrees DIR`` names the
doctree folder of an HTML build of the working tree that just ended (``make check`` passes its
own), which the branch's plans start from instead of reading every page again
(``tools/examples/plan.py``).

Usage: ``python -m tools.examples.changed [--doctrees DIR]`` (``make check`` runs it).
"""

from __future__ import annotations

import argparse
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


class BasePlans:
    """The plans of the base commit, built with the base's own conf.py and extensions.

    Creating it starts the build (a process of its own) unless the plans are kept already;
    :meth:`result` waits for it."""

    def __init__(self, base: str):
        self.plans = CACHE / f"base-{base}"
        self._tree: tempfile.TemporaryDirectory | None = None
        self._process: subprocess.Popen | None = None
        self._failed = False
        if (self.plans / "plans.json").is_file():
            return
        self._tree = tempfile.TemporaryDirectory(prefix="kq-base-")
        tree = self._tree.name
        archive = subprocess.run(["git", "archive", base], cwd=REPO, capture_output=True)
        unpack = subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout, check=False)
        if archive.returncode or unpack.returncode:
            self._failed = True
            return
        self._process = subprocess.Popen(
            [sys.executable, "-m", "sphinx", "-q", "-b", "examples", "-c", tree,
             "-d", str(Path(tree) / "_doctrees"), str(Path(tree) / "docs"), str(self.plans)],
            cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def stop(self) -> None:
        """Give up on the build (the branch's plans failed): end its process, drop its tree."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._failed = True
        if self._tree is not None:
            self._tree.cleanup()

    def result(self) -> dict[str, str] | None:
        """docname -> plan text, or None when the base cannot build plans."""
        try:
            if self._process is not None and self._process.wait():
                self._failed = True
        finally:
            if self._tree is not None:
                self._tree.cleanup()
        if self._failed or not (self.plans / "plans.json").is_file():
            return None  # the base has no examples builder yet, or does not build
        return plan_texts(self.plans, DOCS)


def base_plans(base: str) -> dict[str, str] | None:
    """The plans of the base commit (built and kept the first time)."""
    return BasePlans(base).result()


def changed_pages(seed: Path | None = None) -> list[str]:
    base = _base()
    everything = any(f == e or f.startswith(e) for f in changed_files(base) for e in EVERYTHING)
    before = BasePlans(base) if base and not everything else None  # starts, runs beside
    try:
        head = plan_texts(build_plans(DOCS, seed=seed), DOCS)
    except BaseException:
        if before is not None:
            before.stop()
        raise
    return differing(head, before.result() if before else None)


def differing(head: dict[str, str], before: dict[str, str] | None) -> list[str]:
    """The pages of ``head`` whose plan is not the one in ``before`` (every page without one)."""
    if before is None:
        return sorted(head)
    return sorted(page for page, text in head.items() if before.get(page) != text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--doctrees", type=Path, help="doctrees of an HTML build just made")
    args = parser.parse_args(argv)
    print("\n".join(changed_pages(seed=args.doctrees)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
