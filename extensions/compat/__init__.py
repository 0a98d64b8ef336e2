"""Patches for gaps in third-party extensions, so every builder works on the whole course.

* ``exercise.py``: sphinx-exercise in singlehtml, text, man and texinfo.
* ``epub.py``: what EPUB's XHTML and its readers need from sphinx-design and sphinx-exercise
  (static tab-sets, the exercise stylesheet packed into the book).
* ``singlehtml.py``: links between documents of the one-page course that lead somewhere
  (sphinx-doc/sphinx#14221).
* ``navigation.py``: a name for each toggle of the book theme's sidebar navigation.
* ``search.py``: Sphinx's search excerpts quote the page's text, not the book theme's header
  buttons and our XP badge.
* ``latex.py``: the PDF starts each track on a new page and has the mark on its cover.
* ``text.py``: inline code in the text output without doubled quotes (``"mse"`` is not
  ""mse"").
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .epub import setup_epub
from .exercise import setup_exercise
from .latex import setup_latex
from .navigation import setup_navigation
from .search import setup_search
from .singlehtml import setup_singlehtml
from .text import setup_text

__version__ = "0.2.0"


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    setup_exercise(app)
    setup_epub(app)
    setup_search(app)
    setup_singlehtml(app)
    setup_navigation(app)
    setup_text(app)
    setup_latex(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
