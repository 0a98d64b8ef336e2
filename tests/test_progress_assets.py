"""The files the site serves for progress: built from the current sources, within budget."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from extensions.progress.assets import ASSET_BUDGET as BUDGET

PROGRESS = Path(__file__).resolve().parent.parent / "extensions" / "progress"
STATIC = PROGRESS / "static"
SOURCES = ["progress-core.js", "progress.js", "progress.css"]
# The build script and the exact tool versions make the bundle as much as the sources do.
TOOLS = [PROGRESS / "build.mjs", PROGRESS / "package-lock.json"]
SERVED = [STATIC / "dist" / "progress.min.js", STATIC / "dist" / "progress.min.css"]


def test_served_files_are_built_from_the_current_sources():
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update((STATIC / name).read_text(encoding="utf-8").encode("utf-8"))
    for path in TOOLS:
        digest.update(path.read_text(encoding="utf-8").encode("utf-8"))
    first_line = SERVED[0].read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"/* extensions/progress/build.mjs {digest.hexdigest()[:16]} */", (
        "a source in extensions/progress/static/, build.mjs or package-lock.json changed: "
        "rebuild with "
        "`cd extensions/progress && npm ci && npm run build`"
    )


def test_progress_js_and_css_fit_in_their_gzipped_budget():
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in SERVED}
    assert sum(sizes.values()) <= BUDGET, sizes


def test_the_readable_core_is_what_the_node_tests_cover():
    # The served bundle starts with the core the node tests load, so they test what ships.
    core = (STATIC / "progress-core.js").read_text(encoding="utf-8")
    assert "module.exports = api" in core
    assert '"keras-quest-progress"' in SERVED[0].read_text(encoding="utf-8")
