"""`make check` after a one-block edit: what it costs on top of the site build (target <= 60 s).

A contributor edits one code block of one page and runs ``make check``. Besides the Sphinx build
(which bench_site.py measures), make check then: checks the built site's links, runs ruff and
Biome, finds the pages whose run plan changed (``tools.examples.changed``: the branch's plans,
started from the doctrees of the site build just made, beside the base's plans, built once per
base commit and kept) and runs those pages' examples on every backend. This bench does exactly
that in a throw-away clone of the repository (HEAD, with its committed files), after adding a
comment line to the first block of Track 3, with the examples' result cache off, twice:

- **first check on a new base**: nothing kept: the base's plans are built, the branch's plans
  start from the site build's doctrees, JAX's compilation cache is empty;
- **later check** on the same base, after editing the same block again: the base's plans, the
  branch's plan folder and JAX's compilation cache are kept from the first check.

Each step's wall time and CPU time (user + sys of its processes) is printed, with the load
average, and each check's total against the target. The target is judged on the first check,
the dearer one, which every contributor pays once per base; the later check is what each
further edit costs. The site build is printed too but not counted.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT

PAGE = "tracks/03-ops"
TARGET_SECONDS = 60
BIN = Path(sys.executable).parent


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def step(name: str, command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    if done.returncode != 0:
        print(f"  {name} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        raise SystemExit(1)
    print(f"  {name:<38} {seconds:6.1f} s wall {cpu:6.1f} s CPU", flush=True)
    return seconds, done.stdout


def edit_one_block(page: Path, mark: str) -> None:
    """Add a comment line to the page's first Python block: its plan changes, its output not."""
    text = page.read_text(encoding="utf-8")
    fence = re.search(r"^```python\n(?P<body>.*?)^```", text, re.S | re.M)
    if not fence:
        raise SystemExit(f"bench_check: no Python block in {page}")
    end = fence.end("body")
    page.write_text(text[:end] + f"# edited for bench_check ({mark})\n" + text[end:], "utf-8")


def check(title: str, clone: Path, env: dict) -> float | None:
    """make check's steps after the site build; their wall time, or None if one failed."""
    python = str(BIN / "python")
    print(f"{title} (load average {os.getloadavg()[0]:.2f}):")
    sphinx = [python, "-m", "sphinx", "-c", ".", "-d", "_build/doctrees/check", "docs"]
    site = [*sphinx, "_build/check", "-b", "html", "-W", "-j", "auto"]
    step("(site build, not counted)", site, clone)
    links = [python, "tools/check_links.py", "_build/check"]
    total = step("links of the built site", links, clone)[0]
    total += step("ruff", [str(BIN / "ruff"), "check", "--no-cache", "."], clone)[0]
    biome = clone / "node_modules" / ".bin" / "biome"
    if biome.exists():
        total += step("biome", [str(biome), "ci"], clone)[0]
    else:
        print("  biome: not measured (no node_modules; run npm ci)")
    changed = [python, "-m", "tools.examples.changed", "--doctrees", "_build/doctrees/check"]
    seconds, out = step("which pages changed (plans)", changed, clone, env)
    total += seconds
    if out.split() != [f"{PAGE}.md"]:
        print(f"  expected only {PAGE} to change, got {out.split()}")
        return None
    pytest = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_examples.py"]
    examples = {**env, "KQ_EXAMPLE_PAGES": PAGE}
    total += step(f"{PAGE} on every backend", pytest, clone, examples)[0]
    load = os.getloadavg()[0]
    print(f"  total on top of the site build: {total:.1f} s (load average {load:.2f})")
    return total


def main() -> int:
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores is the CI machine)")
    with tempfile.TemporaryDirectory(prefix="kq-bench-check-") as work:
        clone = Path(work) / "repo"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        # the base is HEAD itself: the branch's one change is the edit below
        subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=clone)
        if (ROOT / "node_modules").is_dir():  # Biome, installed by `make` (npm ci)
            (clone / "node_modules").symlink_to(ROOT / "node_modules")
        env = {**os.environ, "KQ_EXAMPLES_REUSE": "0"}
        env.pop("KQ_EXAMPLE_PAGES", None)
        page = clone / "docs" / f"{PAGE}.md"
        print(f"make check's steps after editing one block of {PAGE}:")
        edit_one_block(page, "first")
        first = check("first check on a new base (nothing kept)", clone, env)
        edit_one_block(page, "second")
        later = check("later check, same block edited again (base plans kept)", clone, env)
        shutil.rmtree(clone / "_build", ignore_errors=True)
    if first is None or later is None:
        return 1
    verdict = "met" if first <= TARGET_SECONDS else "NOT met"
    print(
        f"make check on top of the site build: first check on a new base {first:.1f} s "
        f"(target <= {TARGET_SECONDS} s: {verdict}), later check {later:.1f} s"
    )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
