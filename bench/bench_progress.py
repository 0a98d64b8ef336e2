"""Progress benchmark: what one page loads for learner progress, against its budget
(ASSET_BUDGET in extensions/progress/assets.py): the bundle and stylesheet the site serves
(extensions/progress/static/dist, built by build.mjs) and the course file a build writes
(_static/kq-course.<hash>.js, the same for every page). For comparison, the readable sources.

    python bench/bench_progress.py [BUILT_HTML]

BUILT_HTML is a built site (default: _build/html); without one the course is built into a
temporary folder first.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import ROOT, gzipped, timed_build

sys.path.insert(0, str(ROOT))
from extensions.progress.assets import (  # noqa: E402
    ASSET_BUDGET,
    BUNDLE,
    COURSE_FILE,
    DIST,
    STYLESHEET,
)

SOURCES = sorted((ROOT / "extensions" / "progress" / "js").rglob("*.[jc]s*"))


def sizes(paths: list[Path]) -> tuple[int, int]:
    data = [path.read_bytes() for path in paths]
    return sum(map(len, data)), sum(map(gzipped, data))


def course_file(html: Path) -> Path:
    (found,) = (html / "_static").glob(COURSE_FILE.format("*"))
    return found


def report(html: Path) -> None:
    served = [DIST / BUNDLE, DIST / STYLESHEET, course_file(html)]
    for path in served:
        raw, packed = sizes([path])
        print(f"progress {path.name}: {raw} bytes raw, {packed} bytes gzipped")
    raw, packed = sizes(served)
    what = "progress per page (bundle + CSS + course file)"
    print(f"{what} raw: {raw} bytes")
    print(f"{what} gzipped: {packed} bytes (budget {ASSET_BUDGET})")
    raw, packed = sizes(SOURCES)
    print(f"progress readable sources raw: {raw} bytes")
    print(f"progress readable sources gzipped: {packed} bytes")


def main() -> None:
    html = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"
    if list((html / "_static").glob(COURSE_FILE.format("*"))):
        report(html)
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "html"
        timed_build(ROOT / "docs", out, ROOT, "-j", "auto")
        report(out)


if __name__ == "__main__":
    main()
