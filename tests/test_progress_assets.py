"""The files the site serves for progress: what the sources give, and what a page costs.

``static/dist/`` is bundled from ``js/`` by esbuild (``extensions/progress/build.mjs``);
``node build.mjs --check`` rebuilds it in memory and fails when the committed files differ. The
budget counts what one page loads for progress: the bundle, the stylesheet and the course file
(``_static/kq-course.<hash>.js``, the same for every page), gzipped.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest

from extensions.progress.assets import ASSET_BUDGET, BUNDLE, COURSE_FILE, DIST, STYLESHEET

PROGRESS = Path(__file__).resolve().parent.parent / "extensions" / "progress"
SERVED = [DIST / BUNDLE, DIST / STYLESHEET]


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def test_served_files_are_what_the_sources_give():
    node = shutil.which("node")
    if node is None or not (PROGRESS / "node_modules" / "esbuild").is_dir():
        pytest.skip("needs Node.js and `npm ci` in extensions/progress (esbuild)")
    done = subprocess.run(
        [node, "build.mjs", "--check"], cwd=PROGRESS, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr or done.stdout


def test_the_bundle_is_one_classic_script():
    # A classic script (no import/export) so the site works from file://; the modules are inside.
    bundle = SERVED[0].read_text(encoding="utf-8")
    assert bundle.splitlines()[1].startswith("(()=>{")
    assert "import(" not in bundle and "export " not in bundle
    assert '"keras-quest-progress"' in bundle
    assert "KQProgressCourse" in bundle


def test_the_readable_sources_are_not_served():
    assert sorted(path.name for path in DIST.iterdir()) == sorted([BUNDLE, STYLESHEET])


def test_what_a_page_loads_for_progress_fits_the_budget(whole_course):
    (course,) = (whole_course.outdir / "_static").glob(COURSE_FILE.format("*"))
    sizes = {path.name: gzipped(path.read_bytes()) for path in [*SERVED, course]}
    assert sum(sizes.values()) <= ASSET_BUDGET, sizes
