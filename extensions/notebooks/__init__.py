"""A Jupyter notebook for every track: its runnable code, its code exercises and their checks.

For the web HTML builders (``html``, ``dirhtml``) Sphinx writes ``notebooks/<track>.ipynb``
into the output folder (``write.py``, built cell by cell in ``cells.py`` with nbformat) and
links it under the title of each track page (``links.py``), with an "Open in Colab" link when
``kq_notebook_repository`` names the repository that holds committed copies (``config.py``).
The notebooks are built from the run plans the ``examples`` extension computes, so they hold
exactly the code the test suite runs; every notebook is itself executed on each backend by
``tests/test_notebooks.py``. Nothing here imports Keras.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import warning_types  # noqa: F401  (registers its warnings for {kq-warnings})
from .config import setup_config
from .links import setup_links
from .write import keep_page, reset_pages, write_notebooks

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} table
    app.setup_extension("extensions.course")  # the tracks
    app.setup_extension("extensions.examples")  # the run plans' markers
    setup_config(app)
    setup_links(app)
    app.connect("builder-inited", reset_pages)
    app.connect("doctree-resolved", keep_page)
    app.connect("build-finished", write_notebooks)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
