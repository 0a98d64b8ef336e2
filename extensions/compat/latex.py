"""The PDF as a book: each track starts on a new page, and the cover has the course's mark.

* The LaTeX builder joins the course into one document: the landing page's sections become
  chapters and each track a ``\\section`` of the "Tracks" chapter, so a track began wherever the
  last one ended. Before the document of each track (its ``start_of_file``) comes a
  ``\\clearpage``.
* The cover (``latex_elements["maketitle"]`` in conf.py) shows the mark as ``kq-logo.pdf``,
  made here from ``html_logo`` with rsvg-convert, which sphinxcontrib-svg2pdfconverter already
  needs for every diagram of the PDF (``rsvg_converter_bin``). Without rsvg-convert the cover
  goes without the mark (it checks ``\\IfFileExists``); the diagrams then fail loudly anyway.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.writers.latex import LaTeXTranslator

LOGO_PDF = "kq-logo.pdf"
NEW_PAGE = "\n\\clearpage\n"
#: A track's own page, as extensions/course.py names tracks (compat sits below the course model
#: in docs/maintainers.md, so it keeps its own copy of the pattern).
TRACK_PAGE = re.compile(r"^tracks/\d{2}-[a-z0-9][a-z0-9-]*(?:/index)?$")


def starts_a_track(docname: str) -> bool:
    """A track's own page (``tracks/05-training``, ``tracks/05-training/index``), not a page
    inside a track's folder."""
    return bool(TRACK_PAGE.match(docname))


def _visit_start_of_file(self, node) -> None:
    if starts_a_track(node["docname"]):
        self.body.append(NEW_PAGE)
    LaTeXTranslator.visit_start_of_file(self, node)


def _depart_start_of_file(self, node) -> None:
    LaTeXTranslator.depart_start_of_file(self, node)


def _logo_pdf(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "latex" or not app.config.html_logo:
        return
    source = Path(app.confdir, app.config.html_logo)
    if source.suffix.lower() != ".svg" or not source.is_file():
        return
    converter = getattr(app.config, "rsvg_converter_bin", None) or "rsvg-convert"
    command = [converter, "-f", "pdf", "-o", str(Path(app.outdir, LOGO_PDF))]
    try:
        subprocess.run([*command, str(source)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        pass  # the cover checks \IfFileExists; see the module's docstring


def setup_latex(app: Sphinx) -> None:
    app.add_node(
        addnodes.start_of_file, override=True, latex=(_visit_start_of_file, _depart_start_of_file)
    )
    app.connect("build-finished", _logo_pdf)
