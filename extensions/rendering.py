"""Which builders get the interactive rendering of our extensions: one answer for all of them.

Quizzes and progress render per builder the way sphinx-design does: directives leave
builder-neutral nodes in the doctree, and post-transforms restricted with ``builders`` (or
``formats``) turn them into what one kind of output needs. A builder that no restricted
post-transform names gets the neutral nodes, which every writer can write.

The interactive builders are the web HTML ones. EPUB and the HTML help builders share the
``html`` format, but their readers may run no script, so they get the printable rendering.
Hooks that run with a builder at hand (static files, page context) ask :func:`is_interactive`,
which reads the same tuple, so a post-transform and a hook never disagree.
"""

from __future__ import annotations

#: Builders whose pages load our scripts: the interactive renderings are restricted to these.
INTERACTIVE_BUILDERS = ("html", "dirhtml", "singlehtml")


def is_interactive(builder) -> bool:
    """True for a builder that gets the interactive rendering (see INTERACTIVE_BUILDERS)."""
    return builder.name in INTERACTIVE_BUILDERS
