"""sitemap.xml by sphinx-sitemap, with every page in it.

sphinx-sitemap lists the pages its ``html-page-context`` handler sees being written. Two builds
write fewer pages than the site has: an incremental build writes only the pages that changed
(jdillard/sphinx-sitemap#13, open), and a parallel build (``-j``, which ``make`` uses) loses the
pages its worker processes write, so our 24 pages came out as 3. Just before sphinx-sitemap
writes the file, this hands it every page of the project, in the main process, through its own
function, so links, exclusions and the directory layout stay its own. Pages that are not
documents (``genindex``, ``search``) are written by the main process and already there.

tests/test_sitemap.py fails when sphinx-sitemap lists every page of an incremental build by
itself: then this can go, and ``conf.py`` can load ``sphinx_sitemap`` directly.

sphinx-sitemap also starts a ``multiprocessing.Manager`` (a forked server process) for every
build, whatever the builder, to collect links from parallel workers. Forked from a process that
runs threads (a test session with a browser driver, say), that server can hang the build; and
since every page is handed over here in the main process, the workers' links are not needed. So
its queue is an ordinary in-process one (``_InProcess``): no process is started.
"""

from __future__ import annotations

import queue

import sphinx_sitemap
from sphinx.application import Sphinx

__version__ = "0.1.0"


class _InProcess:
    """Stands in for ``multiprocessing.Manager`` in sphinx-sitemap: ``Manager().Queue()`` gives
    an in-process queue."""

    @staticmethod
    def Queue() -> queue.Queue:  # noqa: N802 (the name sphinx-sitemap calls)
        return queue.Queue()


#: The builders whose pages are one file per document, as the sitemap lists them.
PAGE_BUILDERS = ("html", "dirhtml")


def _every_page(app: Sphinx, exception: Exception | None) -> None:
    links = getattr(app, "sitemap_links", None)
    if exception is not None or links is None or app.builder.name not in PAGE_BUILDERS:
        return
    seen: list[tuple[str, str | None]] = []
    while True:
        try:
            seen.append(links.get_nowait())
        except queue.Empty:
            break
    for docname in sorted(app.env.found_docs):
        sphinx_sitemap.add_html_link(app, docname, None, {}, None)
    written = set()
    while True:
        try:
            written.add(links.get_nowait())
        except queue.Empty:
            break
    documents = {link for link, _ in written}
    for entry in sorted(written | {e for e in seen if e[0] not in documents}):
        links.put(entry)


def _only_for_pages(app: Sphinx) -> None:
    """Other builders (EPUB, single page, LaTeX) get no sitemap.xml beside their output."""
    if app.builder.name in PAGE_BUILDERS:
        return
    upstream = {sphinx_sitemap.add_html_link, sphinx_sitemap.create_sitemap}
    for listeners in app.events.listeners.values():
        for listener in list(listeners):
            if listener.handler in upstream:
                app.disconnect(listener.id)


def setup(app: Sphinx) -> dict:
    sphinx_sitemap.Manager = _InProcess
    app.setup_extension("sphinx_sitemap")
    app.connect("builder-inited", _only_for_pages)
    # sphinx-sitemap writes the file at build-finished with the default priority (500).
    app.connect("build-finished", _every_page, priority=400)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
