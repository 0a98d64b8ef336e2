"""EPUB books that pass epubcheck: no HTML-only widgets, every stylesheet inside the book.

* sphinx-design turns a tab-set into radio ``<input>`` elements and labels for HTML-format
  builders, EPUB included. EPUB pages are XHTML, where Sphinx's unclosed ``<input>`` is a fatal
  parse error, and a book reader has no use for tabs it may not be able to switch. For the
  ``epub`` builder only, a post-transform that runs before sphinx-design's own turns each tab-set
  into its builder-neutral form: every tab one after the other, each under its label (as the PDF
  and text outputs already show them).
* sphinx-exercise copies ``exercise.css`` into ``_static`` when the build has finished, which is
  after the EPUB builder has zipped the book; the pages then link a stylesheet the book lacks.
  For EPUB the stylesheet's folder joins the static path, so it is packed like any other.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.shared import is_component

STATIC_TABS = "kq-static-tabs"


class StaticTabSets(SphinxPostTransform):
    """Tab-sets as labelled sections, for books (sphinx-design's HTML transform runs at 200)."""

    default_priority = 199
    builders = ("epub",)

    def run(self, **kwargs) -> None:
        for tab_set in list(self.document.findall(lambda node: is_component(node, "tab-set"))):
            tab_set["design_component"] = STATIC_TABS
            tab_set["classes"] = [STATIC_TABS]
            for item in tab_set.children:
                if not is_component(item, "tab-item"):
                    continue
                item["design_component"] = f"{STATIC_TABS}-item"
                item["classes"] = [f"{STATIC_TABS}-item"]
                # sphinx-design's stylesheet hides .sd-tab-content until its radio is checked
                for part in item.children:
                    if isinstance(part, nodes.rubric):
                        part["classes"] = [f"{STATIC_TABS}-label"]
                    elif is_component(part, "tab-content"):
                        part["design_component"] = f"{STATIC_TABS}-content"
                        part["classes"] = []


def _pack_exercise_css(app: Sphinx) -> None:
    if app.builder.name != "epub":
        return
    import sphinx_exercise

    assets = Path(sphinx_exercise.__file__).resolve().parent / "assets" / "html"
    if (assets / "exercise.css").is_file():
        app.config.html_static_path = [*app.config.html_static_path, str(assets)]


def setup_epub(app: Sphinx) -> None:
    app.add_post_transform(StaticTabSets)
    app.connect("builder-inited", _pack_exercise_css)
