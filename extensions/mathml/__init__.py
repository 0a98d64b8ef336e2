"""Render math as MathML at build time, so no page loads MathJax from a CDN.

Sphinx's default HTML math renderer pulls MathJax from a third-party host; the course must work
offline and make no outside requests. docutils ships a LaTeX-to-MathML converter, and every
current browser renders MathML Core natively, so math costs no JavaScript at all. LaTeX and text
builders keep their own math handling.

EPUB books get the same MathML. EPUB 3 asks every page holding MathML to say so in the book's
manifest (``properties="mathml"``), which Sphinx's EPUB builder never writes; our ``epub``
builder is Sphinx's with that one addition, made to the manifest before the book is zipped.

Math that cannot be converted is a warning (subtypes in ``warning_types``, tabled by
``{mathml-warnings}`` on the Contribute page) and is shown as its LaTeX source.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from docutils import nodes
from docutils.utils.math import MathError, latex2mathml
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.util import logging

from .warning_types import Subtype, warn

logger = logging.getLogger(__name__)

__version__ = "0.1.0"


def _mathml(translator, node: nodes.Element, latex: str, block: bool) -> str:
    try:
        return latex2mathml.tex2mathml(latex, as_block=block)
    except (MathError, SyntaxError) as problem:
        warn(
            Subtype.SYNTAX,
            f"cannot render this math as MathML ({problem}): {latex}",
            node,
            logger=logger,
        )
        return f'<code class="math-error">{escape(latex)}</code>'


def visit_math(self, node: nodes.math) -> None:
    self.body.append(f'<span class="math">{_mathml(self, node, node.astext(), False)}</span>')
    raise nodes.SkipNode


def visit_displaymath(self, node: nodes.math_block) -> None:
    number = ""
    if node.get("number"):
        number = f'<span class="eqno">({escape(str(node["number"]))})</span>'
    anchor = f' id="{escape(node["ids"][0])}"' if node.get("ids") else ""
    body = _mathml(self, node, node.astext(), True)
    self.body.append(f'<div class="math"{anchor}>{number}{body}</div>\n')
    raise nodes.SkipNode


#: A manifest entry of content.opf: ``<item id=".." href=".." media-type=".." />``.
MANIFEST_ITEM = re.compile(r'<item id="[^"]*" href="(?P<href>[^"]*)" media-type="[^"]*" ?/>')
MATHML = re.compile(r"<math[\s>]")


class MathMLEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, declaring the pages that hold MathML in the manifest."""

    def build_content(self) -> None:
        super().build_content()
        opf = Path(self.outdir, "content.opf")
        text = opf.read_text(encoding="utf-8")
        opf.write_text(MANIFEST_ITEM.sub(self._declare_mathml, text), encoding="utf-8")

    def _declare_mathml(self, item: re.Match) -> str:
        page = Path(self.outdir, item["href"])
        if page.suffix != self.out_suffix or not page.is_file():
            return item[0]
        if not MATHML.search(page.read_text(encoding="utf-8")):
            return item[0]
        return item[0].removesuffix("/>").rstrip() + ' properties="mathml" />'


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    app.add_builder(MathMLEpubBuilder, override=True)
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
    app.config.html_math_renderer = app.config.html_math_renderer or "mathml"
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
