"""Find a Chromium for the browser tests and print its path (empty: Playwright's own build).

Order: ``$CHROMIUM`` if set, Debian's ``/usr/bin/chromium``, then Playwright's own browser
download (only works where the machine can reach Playwright's download host). If none can be
had, print one line saying how to get one and exit 1 — the browser tests are never skipped
silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
HOW_TO = (
    "make test: no Chromium for the browser tests. Install one (Debian/Ubuntu: "
    "'sudo apt-get install chromium') or point CHROMIUM=/path/to/chromium at an existing one."
)


class NoBrowser(RuntimeError):
    """Raised with a one-line explanation when no browser can be found."""


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _playwright_has_chromium() -> bool:
    """Ask Playwright to fetch its own Chromium; succeeds at once if it is already there."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def find_chromium(try_download: bool = True) -> str:
    """Return the Chromium path to use, or "" for Playwright's own build."""
    configured = os.environ.get("CHROMIUM", "").strip()
    if configured:
        path = Path(configured)
        if not _executable(path):
            found = shutil.which(configured)
            if not found:
                raise NoBrowser(f"make test: CHROMIUM={configured} is not an executable file.")
            path = Path(found)
        return str(path)
    if _executable(DEBIAN_CHROMIUM):
        return str(DEBIAN_CHROMIUM)
    if try_download and _playwright_has_chromium():
        return ""
    raise NoBrowser(HOW_TO)


def main() -> int:
    try:
        print(find_chromium())
    except NoBrowser as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
