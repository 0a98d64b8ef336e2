"""Helpers shared by the tests: running Sphinx in a subprocess and serving built sites."""

from __future__ import annotations

import functools
import http.server
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
) -> tuple[int, str, str]:
    """Run ``sphinx-build`` in a fresh interpreter; return (returncode, stdout, stderr)."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "--no-color",
        "-b",
        builder,
        "-c",
        str(confdir or srcdir),
        str(srcdir),
        str(outdir),
        *extra_args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    return done.returncode, done.stdout, done.stderr


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
    """Build the real course (docs/ with the root conf.py)."""
    return sphinx_build(DOCS, outdir, builder, *extra_args, confdir=ROOT)


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
