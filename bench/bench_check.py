"""`make check` after a one-block edit: what it costs on top of the site build.

A contributor edits one code block of one page and runs ``make check``. Besides the Sphinx build
(which bench_site.py measures), make check then: checks the built site's links, runs ruff and
Biome, finds the pages whose run plan changed (``tools.examples.changed``, which builds the
plans of the branch and of its base) and runs those pages' examples on every backend. This
bench does exactly that in a throw-away clone of the repository (HEAD, with its committed
files), after adding a comment line to the first block of Track 3, with an empty examples cache
(the first check after the edit), and prints each step's wall time and their sum against the
target.
"""

from __future__ import annotations

import os
import re
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


def step(name: str, command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(f"  {name} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        raise SystemExit(1)
    print(f"  {name:<34} {seconds:6.1f} s", flush=True)
    return seconds, done.stdout


def edit_one_block(page: Path) -> None:
    """Add a comment line to the page's first Python block: its plan changes, its output not."""
    text = page.read_text(encoding="utf-8")
    fence = re.search(r"^```python\n(?P<body>.*?)^```", text, re.S | re.M)
    if not fence:
        raise SystemExit(f"bench_check: no Python block in {page}")
    end = fence.end("body")
    page.write_text(text[:end] + "# edited for bench_check\n" + text[end:], encoding="utf-8")


def main() -> int:
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores is the CI machine)")
    with tempfile.TemporaryDirectory(prefix="kq-bench-check-") as work:
        clone = Path(work) / "repo"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        if (ROOT / "node_modules").is_dir():  # Biome, installed by `make` (npm ci)
            (clone / "node_modules").symlink_to(ROOT / "node_modules")
        edit_one_block(clone / "docs" / f"{PAGE}.md")
        env = {**os.environ, "KQ_EXAMPLES_REUSE": "0"}
        env.pop("KQ_EXAMPLE_PAGES", None)
        print(f"make check's steps after editing one block of {PAGE} (the site build left out):")
        total = 0.0
        site = ROOT / "_build" / "html"  # the last `make html`: its links are what is checked
        if (site / "index.html").is_file():
            links = [str(BIN / "python"), "tools/check_links.py", str(site)]
            total += step("links of the built site", links, clone)[0]
        else:
            print("  links of the built site: not measured (no _build/html; run make html)")
        total += step("ruff", [str(BIN / "ruff"), "check", "--no-cache", "."], clone)[0]
        biome = clone / "node_modules" / ".bin" / "biome"
        if biome.exists():
            total += step("biome", [str(biome), "ci"], clone)[0]
        seconds, out = step(
            "which pages changed (two plan builds)",
            [str(BIN / "python"), "-m", "tools.examples.changed"],
            clone,
            env,
        )
        total += seconds
        pages = out.split()
        if pages != [f"{PAGE}.md"]:
            print(f"  expected only {PAGE} to change, got {pages}")
            return 1
        env["KQ_EXAMPLE_PAGES"] = PAGE
        pytest = [str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        examples = [*pytest, "tests/test_examples.py"]
        total += step(f"{PAGE} on every backend", examples, clone, env)[0]
        verdict = "met" if total <= TARGET_SECONDS else "NOT met"
        target = f"target <= {TARGET_SECONDS} s: {verdict}"
        print(f"total on top of the site build: {total:.1f} s ({target})")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        shutil.rmtree(clone / "_build", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
