"""Print the course pages (relative to docs/, one a line) a branch changes against its base.

The base is the merge-base with ``origin/main`` if that exists, else with ``main``; uncommitted
and untracked pages count too. A change to what every example depends on (the Keras pin in
pyproject.toml, the example runner) selects every page. Printing nothing means no page changed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVERYTHING = ("pyproject.toml", "tests/examples/", "tests/test_examples.py")


def _git(*args: str) -> list[str]:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.split("\n") if done.returncode == 0 else []


def _base() -> str | None:
    for ref in ("origin/main", "main"):
        found = _git("merge-base", "HEAD", ref)
        if found and found[0].strip():
            return found[0].strip()
    return None


def changed_files() -> set[str]:
    files: set[str] = set()
    base = _base()
    if base:
        files.update(_git("diff", "--name-only", base, "--"))
    files.update(_git("diff", "--name-only", "HEAD", "--"))
    files.update(_git("ls-files", "--others", "--exclude-standard"))
    return {f.strip() for f in files if f.strip()}


def changed_pages() -> list[str]:
    files = changed_files()
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    if any(f == e or f.startswith(e) for f in files for e in EVERYTHING):
        return pages
    return [p for p in pages if f"docs/{p}" in files]


if __name__ == "__main__":
    print("\n".join(changed_pages()))
    sys.exit(0)
