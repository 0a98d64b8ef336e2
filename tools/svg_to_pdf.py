"""Make the PDF twin of a course diagram: ``python tools/svg_to_pdf.py docs/tracks/img/x.svg``.

Track pages include figures as ``img/name.*``: HTML and EPUB pick the SVG, LaTeX picks the PDF.
This prints the SVG with headless Chromium onto one page exactly the size of the drawing (its
``width``/``height``, or its ``viewBox``), so the PDF is vector, not a screenshot. Chromium comes
from ``tests/find_browser.py`` (``$CHROMIUM``, then Debian's ``/usr/bin/chromium``).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from find_browser import NoBrowser, find_chromium  # noqa: E402

PX_PER_UNIT = {"": 1.0, "px": 1.0, "pt": 96 / 72, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}


def _length(value: str | None) -> float | None:
    match = re.fullmatch(r"\s*([\d.]+)\s*(px|pt|mm|cm|in)?\s*", value or "")
    return float(match[1]) * PX_PER_UNIT[match[2] or ""] if match else None


def svg_size(svg: Path) -> tuple[float, float]:
    """The drawing's size in CSS pixels."""
    root = ElementTree.parse(svg).getroot()
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width and height:
        return width, height
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    raise ValueError(f"{svg}: no width/height or viewBox, so the page size is unknown")


def convert(svg: Path, pdf: Path) -> None:
    from playwright.sync_api import sync_playwright

    width, height = svg_size(svg)
    page_html = (
        "<!doctype html><html><head><style>"
        f"@page {{ size: {width}px {height}px; margin: 0 }}"
        "html, body { margin: 0; padding: 0; background: white }"
        f"img {{ display: block; width: {width}px; height: {height}px }}"
        f'</style></head><body><img src="{svg.resolve().as_uri()}"></body></html>'
    )
    with tempfile.TemporaryDirectory() as scratch:
        html = Path(scratch) / "page.html"
        html.write_text(page_html, encoding="utf-8")
        executable = find_chromium(try_download=False) or None
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=["--no-sandbox", "--allow-file-access-from-files"]
            )
            page = browser.new_page()
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
            browser.close()


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python tools/svg_to_pdf.py FIGURE.svg [...]", file=sys.stderr)
        return 2
    for name in argv:
        svg = Path(name)
        if svg.suffix != ".svg" or not svg.is_file():
            print(f"{name}: not an .svg file", file=sys.stderr)
            return 2
        try:
            convert(svg, svg.with_suffix(".pdf"))
        except (NoBrowser, ValueError, ElementTree.ParseError) as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return 1
        print(f"wrote {svg.with_suffix('.pdf')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
