"""In-page links of the one-page course (``singlehtml``) that lead somewhere.

The ``singlehtml`` builder gives every document the address ``#document-<name>``; a reference to
a label in another document then becomes ``#document-<name>#<label>``, an address with two
fragments that no browser follows (the page has no element of that id). Sphinx used to repair
these after joining the documents (``SingleFileHTMLBuilder.fix_refuris``) but stopped calling that
in 8.2 (sphinx-doc/sphinx#14221; the fix, sphinx-doc/sphinx#14241, calls it again and is not
released yet). Until then this module does the same, wherever such links are made:

* ``JoinedFragments``: after every other post-transform of the joined tree, a reference whose
  address holds a second ``#`` keeps only the part from there, the label's own id, which the one
  page does have;
* the page's table of contents (``toc``) and the ``toctree()`` function its template calls for
  the sidebar (``html-page-context``) have their links repaired the same way.

``tests/test_upstream_patches.py`` fails once Sphinx repairs these links by itself: then this
module can go.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform


def same_page_address(refuri: str) -> str:
    """``#document-x#label`` → ``#label``; any other address as it is."""
    first = refuri.find("#")
    second = refuri.find("#", first + 1) if first >= 0 else -1
    return refuri[second:] if second >= 0 else refuri


class JoinedFragments(SphinxPostTransform):
    """References between documents of the joined tree point at the label's own id."""

    # After every other post-transform (sphinx-design's and ours run at 200), so links they add
    # are repaired too.
    default_priority = 900
    #: By name: the one builder that joins the documents into one HTML page.
    builders = ("singlehtml",)

    def run(self, **kwargs) -> None:
        for reference in self.document.findall(nodes.reference):
            if "refuri" in reference:
                reference["refuri"] = same_page_address(reference["refuri"])


HREF = re.compile(r'href="(#[^"#]*#[^"]*)"')


def _repair_hrefs(html: str) -> str:
    """``html`` (a ``str`` or markupsafe's ``Markup``, kept as it came) with repaired links."""
    return type(html)(HREF.sub(lambda link: f'href="{same_page_address(link[1])}"', str(html)))


def _repair_sidebar(app: Sphinx, pagename: str, templatename: str, context, doctree) -> None:
    if app.builder.name not in JoinedFragments.builders:
        return
    if isinstance(context.get("toc"), str):
        context["toc"] = _repair_hrefs(context["toc"])
    toctree = context.get("toctree")
    if not callable(toctree):
        return

    def repaired(*args, **kwargs):
        html = toctree(*args, **kwargs)
        return _repair_hrefs(html) if html else html

    context["toctree"] = repaired


def setup_singlehtml(app: Sphinx) -> None:
    app.add_post_transform(JoinedFragments)
    app.connect("html-page-context", _repair_sidebar)
