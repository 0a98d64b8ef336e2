"""The files of a built site that say which icons and classes it can show: its pages and the
scripts they load. Shared by ``fonts.py`` (icon names) and ``stylesheets.py`` (class names)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

#: Shipped by the theme but loaded by no page (see ``__init__.py``): Font Awesome's script,
#: 1.5 MB of icon names that would all count as used.
UNLOADED_SCRIPTS = frozenset({"fontawesome.js"})


def pages(outdir: Path) -> Iterator[bytes]:
    for path in outdir.glob("**/*.html"):
        yield path.read_bytes()


def scripts(outdir: Path) -> Iterator[bytes]:
    for path in (outdir / "_static").glob("**/*.js"):
        if path.name not in UNLOADED_SCRIPTS:
            yield path.read_bytes()
