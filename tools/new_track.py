"""Create the next numbered track from the template and add it to the course's toctree.

The track's file name follows the course's one naming rule (``extensions/course.py``): the next
number, then the title's slug; the course lint checks the same rule on every build.

Usage: ``make new-track NAME="Custom Layers"`` (or ``python tools/new_track.py "Custom Layers"``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the course model is in extensions/
    sys.path.insert(0, str(ROOT))

from extensions.course import (  # noqa: E402  (the one naming rule for tracks)
    MAX_TRACKS,
    TRACK_NAME,
    TRACKS_FOLDER,
    slugify,
    track_docname,
)

TEMPLATE = Path(__file__).resolve().parent / "track_template.md"
TITLE_LINE = re.compile(r"^#\s+Track\s+\d+\s*[:·-]\s*(?P<title>.+?)\s*$", re.MULTILINE)
TOCTREE = re.compile(r"```\{toctree\}\n(?P<body>(?:.*\n)*?)```", re.MULTILINE)


class ScaffoldError(Exception):
    """A problem with the request, explained in one sentence for the author."""


def existing_tracks(docs: Path) -> dict[int, tuple[str, str]]:
    """number -> (docname, title) for every track already in docs/tracks."""
    found: dict[int, tuple[str, str]] = {}
    for path in sorted((docs / TRACKS_FOLDER).glob("*")):
        if not (path.is_dir() or path.suffix == ".md"):
            continue
        match = TRACK_NAME.match(path.name.removesuffix(".md"))
        if not match:
            continue
        page = path / "index.md" if path.is_dir() else path
        text = page.read_text(encoding="utf-8") if page.is_file() else ""
        heading = TITLE_LINE.search(text)
        title = heading["title"] if heading else match["slug"].replace("-", " ")
        found[int(match["number"])] = (track_docname(int(match["number"]), match["slug"]), title)
    return found


def add_to_toctree(index: Path, docname: str) -> None:
    text = index.read_text(encoding="utf-8")
    for block in TOCTREE.finditer(text):
        body = block["body"]
        if ":caption: Tracks" not in body:
            continue
        lines = body.splitlines(keepends=True)
        last = max(
            (i for i, line in enumerate(lines) if line.strip().startswith("tracks/")),
            default=len(lines) - 1,
        )
        lines.insert(last + 1, docname + "\n")
        start, end = block.span("body")
        index.write_text(text[:start] + "".join(lines) + text[end:], encoding="utf-8")
        return
    raise ScaffoldError(
        f"{index.relative_to(ROOT)} has no toctree with ':caption: Tracks' to add the track to"
    )


def create_track(title: str, docs: Path) -> Path:
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('give the track a name: make new-track NAME="Custom Layers"')
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"'{title}' has no letters or digits to build a file name from")
    tracks = existing_tracks(docs)
    for docname, existing in tracks.values():
        if slugify(existing) == slug or docname.split("-", 1)[1] == slug:
            raise ScaffoldError(
                f"a track named '{existing}' already exists ({docname}.md): pick another name"
            )
    number = max(tracks, default=0) + 1
    if number > MAX_TRACKS:
        raise ScaffoldError(
            f"the course already has {MAX_TRACKS} tracks; track numbers have two digits"
        )
    docname = track_docname(number, slug)
    page = docs / f"{docname}.md"
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("{{TITLE}}", title).replace("{{N}}", str(number))
    page.write_text(text, encoding="utf-8")
    try:
        add_to_toctree(docs / "index.md", docname)
    except ScaffoldError:
        page.unlink()
        raise
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("title", nargs="?", default="", help="the track's title")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        page = create_track(args.title, args.docs)
    except ScaffoldError as problem:
        print(f"new-track: {problem}", file=sys.stderr)
        return 2
    shown = page.relative_to(args.docs.parent) if page.is_relative_to(args.docs.parent) else page
    print(f"Created {shown} and added it to the Tracks toctree in docs/index.md.")
    print("Next:")
    print("  1. make livehtml      # preview while you write (http://127.0.0.1:8000)")
    print(f"  2. edit {shown}: replace every line marked 'TODO' (objectives, sections, quiz)")
    print("  3. make check         # what your pull request must pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
