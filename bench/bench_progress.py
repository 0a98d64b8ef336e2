"""Progress benchmark: size of the learner-progress script + stylesheet, against its budget
(ASSET_BUDGET in extensions/progress/assets.py).

Prints the files the site serves (extensions/progress/static/dist, built by build.mjs) and, for
comparison, the readable sources they are built from.
"""

from __future__ import annotations

import sys
from pathlib import Path

from common import ROOT, gzipped

sys.path.insert(0, str(ROOT))
from extensions.progress.assets import ASSET_BUDGET as BUDGET  # noqa: E402

STATIC = ROOT / "extensions" / "progress" / "static"
SERVED = [STATIC / "dist" / "progress.min.js", STATIC / "dist" / "progress.min.css"]
SOURCES = [STATIC / "progress-core.js", STATIC / "progress.js", STATIC / "progress.css"]


def sizes(paths: list[Path]) -> tuple[int, int]:
    data = [path.read_bytes() for path in paths]
    return sum(map(len, data)), sum(map(gzipped, data))


def main() -> None:
    for path in SERVED:
        raw, packed = sizes([path])
        print(f"progress {path.name}: {raw} bytes raw, {packed} bytes gzipped")
    raw, packed = sizes(SERVED)
    print(f"progress JS+CSS raw: {raw} bytes")
    print(f"progress JS+CSS gzipped: {packed} bytes (budget {BUDGET})")
    raw, packed = sizes(SOURCES)
    print(f"progress readable sources raw: {raw} bytes")
    print(f"progress readable sources gzipped: {packed} bytes")


if __name__ == "__main__":
    main()
