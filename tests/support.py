"""Helpers shared by the tests: running Sphinx as its command line does, and serving built sites."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def sphinx_build(
    srcdir: Path | str,
    outdir: Path | str,
    builder: str = "html",
    *extra_args: str,
    confdir: Path | str | None = None,
    fresh_process: bool | None = None,
) -> tuple[int, str, str]:
    """Run ``sphinx-build``; return (returncode, stdout, stderr), as the command line gives them.

    Small builds run in this process through Sphinx's own command-line entry point, which saves
    the second or so a fresh interpreter spends importing Sphinx and the extensions. A parallel
    build (``-j``) forks its workers, so it runs in a fresh interpreter by default: forking a test
    process that may hold browser and server threads is best avoided. ``fresh_process`` forces
    either way.
    """
    args = [
        "--no-color",
        "-b",
        builder,
        "-c",
        str(confdir or srcdir),
        str(srcdir),
        str(outdir),
        *extra_args,
    ]
    if fresh_process is None:
        fresh_process = any(arg.startswith(("-j", "--jobs")) for arg in extra_args)
    if fresh_process:
        done = subprocess.run(
            [sys.executable, "-m", "sphinx", *args], capture_output=True, text=True, cwd=ROOT
        )
        return done.returncode, done.stdout, done.stderr
    return _build_here(args)


def _build_here(args: list[str]) -> tuple[int, str, str]:
    from sphinx.cmd.build import build_main

    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(ROOT),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            returncode = build_main(args)
        except SystemExit as exit_:  # argument errors: argparse exits, as the command would
            returncode = exit_.code if isinstance(exit_.code, int) else 1
    return returncode, stdout.getvalue(), stderr.getvalue()


def build_in_process(srcdir: Path, builder: str = "html", **overrides) -> tuple[Path, str]:
    """Build ``srcdir`` with Sphinx's test app; return (output folder, warnings without colours)."""
    from sphinx.testing.util import SphinxTestApp
    from sphinx.util.console import strip_colors

    app = SphinxTestApp(
        builder, srcdir=srcdir, builddir=srcdir / "_build", confoverrides=overrides or None
    )
    try:
        app.build()
        return Path(app.outdir), strip_colors(app.warning.getvalue())
    finally:
        app.cleanup()


def build_course(outdir: Path, builder: str = "html", *extra_args: str) -> tuple[int, str, str]:
    """Build the real course (docs/ with the root conf.py), in a fresh interpreter."""
    return sphinx_build(DOCS, outdir, builder, *extra_args, confdir=ROOT, fresh_process=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".svg": "image/svg+xml",
        ".json": "application/json",
    }

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


class StaticServer:
    """Serve one folder on a free 127.0.0.1 port in a background thread."""

    def __init__(self, directory: Path | str):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def search_from_dialog(page, word: str) -> None:
    """Search for ``word`` the way a learner does: Ctrl+K, type, Enter; wait for the search page."""
    page.keyboard.press("Control+k")
    field = page.locator("#pst-search-dialog input[name='q']")
    field.wait_for(state="visible")
    field.fill(word)
    field.press("Enter")
    page.wait_for_url(f"**/search.html?q={word}*")
