"""Our JavaScript and CSS pass Biome (biome.json): lint rules and formatting, as `make check` runs.

Biome comes from npm (package.json pins it; `npm ci` installs it into node_modules/). Where it is
not installed this test is skipped and says how to install it, except under CI=true, where a
missing linter is a failure: CI must lint.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

BIOME = ROOT / "node_modules" / ".bin" / "biome"


@pytest.fixture(scope="module")
def biome():
    if not BIOME.is_file():
        why = "Biome is not installed: run 'npm ci' in the repository root"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
    return str(BIOME)


def _run(biome: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [biome, *args, "--colors=off"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_javascript_and_css_pass_biome(biome):
    done = _run(biome, "ci")
    assert done.returncode == 0, done.stdout + done.stderr


def _our_scripts_and_stylesheets() -> list[str]:
    """Every .js, .mjs and .css file in the repository but built bundles and installed ones."""
    skip = {"node_modules", "dist", "_build", "build", ".venv", ".git"}
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if name not in skip]
        for name in files:
            if name.endswith((".js", ".mjs", ".css")):
                found.append((Path(folder) / name).relative_to(ROOT).as_posix())
    return sorted(found)


def test_biome_checks_every_script_and_stylesheet_of_ours(biome):
    """biome.json leaves none of our files out (only built bundles and installed packages)."""
    files = _our_scripts_and_stylesheets()
    assert "extensions/compat/static/kq-search-excerpt.js" in files
    done = _run(biome, "ci", "--max-diagnostics=0", *files)
    assert "provided but ignored" not in done.stdout + done.stderr, done.stdout + done.stderr


def test_a_formatting_slip_fails_biome(biome):
    """The check can fail: a badly laid out file in a checked folder is reported."""
    probe = ROOT / "extensions" / "compat" / "static" / "kq-biome-probe.js"
    try:
        probe.write_text('"use strict";\nconst  x = {a:1}\n', encoding="utf-8")
        done = _run(biome, "ci", str(probe.relative_to(ROOT)))
    finally:
        probe.unlink(missing_ok=True)
    assert done.returncode != 0
    assert "kq-biome-probe.js" in done.stdout + done.stderr


# ---- Python: ruff (pyproject.toml's [tool.ruff]), as `make check` runs it ------------------------


def _ruff(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "ruff", *args, "--no-cache"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_python_passes_ruff_everywhere_make_check_looks():
    """`make check` runs `ruff check .`; a slip in a file no other test lints (conf.py, say)
    failed it while `make test` passed."""
    done = _ruff("check", ".")
    assert done.returncode == 0, done.stdout + done.stderr
    formatted = _ruff("format", "--check", ".")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
