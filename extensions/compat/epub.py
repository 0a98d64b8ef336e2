"""EPUB books that pass epubcheck: no HTML-only widgets, every stylesheet inside the book.

* sphinx-design turns a tab-set into radio ``<input>`` elements and labels for HTML-format
  builders, EPUB included. EPUB pages are XHTML, where Sphinx's unclosed ``<input>`` is a fatal
  parse error, and a book reader has no use for tabs it may not be able to switch. For the
  ``epub`` builder only, a post-transform that runs before sphinx-design's own turns each tab-set
  into its builder-neutral form: every tab one after the other, each under its label (as the PDF
  and text outputs already show them).
* sphinx-exercise copies ``exercise.css`` into ``_static`` when the build has finished, which is
  after the EPUB builder has zipped the book; the pages then link a stylesheet the book lacks.
  The stylesheet's folder joins the static path of every HTML builder (``add_static_dir``), so
  it is in ``_static`` before any page is written, and packed into the book like any other.

No upstream issue was found for either (sphinx-design 0.8.0, sphinx-exercise 1.2.1);
``tests/test_upstream_patches.py`` fails when upstream fixes one, naming the patch to remove.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.shared import is_component

from ..builders import add_static_dir

STATIC_TABS = "kq-static-tabs"


class StaticTabSets(SphinxPostTransform):
    """Tab-sets as labelled sections, for books (sphinx-design's HTML transform runs at 200)."""

    default_priority = 199
    #: EPUB only, by name: it is the one HTML builder that writes XHTML, where sphinx-design's
    #: ``<input>`` does not parse. The other non-interactive HTML builders (the help formats)
    #: write HTML, whose readers switch sphinx-design's tabs without any script.
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


def exercise_assets() -> Path:
    """The folder of sphinx-exercise's ``exercise.css``."""
    import sphinx_exercise

    return Path(sphinx_exercise.__file__).resolve().parent / "assets" / "html"


def setup_epub(app: Sphinx) -> None:
    app.add_post_transform(StaticTabSets)
    if (exercise_assets() / "exercise.css").is_file():
        add_static_dir(app, exercise_assets())
