"""Render math as MathML at build time, so no page loads MathJax from a CDN.

Sphinx's default HTML math renderer pulls MathJax from a third-party host; the course must work
offline and make no outside requests. docutils ships a LaTeX-to-MathML converter, and every
current browser renders MathML Core natively, so math costs no JavaScript at all. LaTeX, EPUB
and text builders keep their own math handling.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from docutils.utils.math import MathError, latex2mathml
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

__version__ = "0.1.0"


def _mathml(translator, node: nodes.Element, latex: str, block: bool) -> str:
    try:
        return latex2mathml.tex2mathml(latex, as_block=block)
    except (MathError, SyntaxError) as problem:
        logger.warning(
            "cannot render this math as MathML (%s): %s",
            problem,
            latex,
            type="mathml",
            subtype="syntax",
            location=node,
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


def setup(app: Sphinx) -> dict:
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
    app.config.html_math_renderer = app.config.html_math_renderer or "mathml"
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
