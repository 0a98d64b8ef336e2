"""Which builder gets what: the one answer every extension asks.

Quizzes and progress render per builder the way sphinx-design does: directives leave
builder-neutral nodes in the doctree, and post-transforms restricted with ``builders`` turn them
into what one kind of output needs. A builder that no restricted post-transform names gets the
neutral nodes, which every writer can write.

Three kinds of builder matter to us:

- **interactive** (:data:`INTERACTIVE`): the web HTML builders. Their pages load our scripts.
- **printable HTML**: other builders of the ``html`` format (EPUB, the HTML help builders).
  They write HTML, so they get our static files and stylesheets, but their readers may run no
  script, so they get the printable rendering.
- **everything else** (LaTeX, text, man, the examples' run plans, …): neutral nodes only.

Every hook, post-transform and static-file registration asks the functions below, so a
post-transform and a hook never disagree about a builder.
"""

from __future__ import annotations

from pathlib import Path

#: Builders whose pages load our scripts: the interactive renderings are restricted to these.
INTERACTIVE = ("html", "dirhtml", "singlehtml")


def is_interactive(builder) -> bool:
    """True for a builder whose pages load our scripts (see :data:`INTERACTIVE`)."""
    return builder.name in INTERACTIVE


def writes_html(builder) -> bool:
    """True for a builder that writes HTML pages (interactive or not): it gets our static files."""
    return builder.format == "html"


def is_printable_html(builder) -> bool:
    """True for a builder that writes HTML no script runs in (EPUB, HTML help)."""
    return writes_html(builder) and not is_interactive(builder)


def add_static_dir(app, directory: Path | str, when=writes_html) -> None:
    """The one rule for static files: an extension's ``static/`` folder becomes part of
    ``_static`` for every builder that writes HTML (or only those ``when(builder)`` accepts,
    e.g. :func:`is_interactive` for files only scripts use). Call it from ``setup()``; the folder
    is added when the builder is known (``builder-inited``), so other builders never copy it."""
    folder = str(directory)

    def add(app) -> None:
        if when(app.builder) and folder not in app.config.html_static_path:
            app.config.html_static_path = [*app.config.html_static_path, folder]

    app.connect("builder-inited", add)
