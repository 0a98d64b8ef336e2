"""Helpers shared by the tests: the one way to run Sphinx, and serving built sites.

Every test that builds a site goes through :func:`build` (tests/README.md, "Building Sphinx in a
test"). It runs Sphinx as ``sphinx-build`` does, through the command line's own entry point, so
a test sees what an author sees: the return code, the status lines and the warnings, exactly as
printed. In conftest.py, the ``whole_course`` fixture builds the whole course with it once per
session and the ``build_root`` fixture builds a copy of a test root from tests/roots/.

``sphinx_build``, ``build_in_process`` and ``build_course`` are the older entry points, kept
with their signatures for the modules that still call them; each is one call to :func:`build`.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ROOTS = Path(__file__).resolve().parent / "roots"


@dataclass(frozen=True)
class Build:
    """What one Sphinx run left: its return code, what it printed, and where."""

    returncode: int
    stdout: str  # status lines ("building [html]: ...")
    warnings: str  # everything on stderr: warnings, errors, a traceback's summary; no colours
    srcdir: Path
    outdir: Path
    url: str = ""  # where it is served, when it is (``whole_course``)
    #: The ``sphinx.application.Sphinx`` that built it, for a test that reads the environment
    #: (``app.env``: domains, doctrees, config); None when the build ran in a fresh process.
    app: Any = field(default=None, repr=False, compare=False)

    def page(self, name: str) -> str:
        """The text of one output file, e.g. ``build.page("index.html")``."""
        return (self.outdir / name).read_text(encoding="utf-8")


def build(
    srcdir: Path | str,
    builder: str = "html",
    *args: str,
    outdir: Path | str | None = None,
    confdir: Path | str | None = None,
    overrides: dict[str, object] | None = None,
    fresh_process: bool | None = None,
) -> Build:
    """Run ``sphinx-build -b builder srcdir outdir *args``; return what it left.

    ``outdir`` defaults to ``srcdir/_build/<builder>``, with the doctrees beside it in
    ``srcdir/_build/doctrees`` unless ``args`` names another folder with ``-d``. ``confdir``
    defaults to ``srcdir``. ``overrides`` become ``-D name=value`` (a list is joined with commas,
    as Sphinx reads list settings from the command line).

    Small builds run in this process, which saves the second or so a fresh interpreter spends
    importing Sphinx and the extensions. A parallel build (``-j``) forks its workers, so it runs
    in a fresh interpreter by default: forking a test process that may hold browser and server
    threads is best avoided. ``fresh_process`` forces either way.
    """
    srcdir = Path(srcdir)
    if outdir is None:
        outdir = srcdir / "_build" / builder
        if not any(arg.startswith(("-d", "--doctree-dir")) for arg in args):
            args = (*args, "-d", str(srcdir / "_build" / "doctrees"))
    command = [
        "--no-color",
        "-b",
        builder,
        "-c",
        str(confdir or srcdir),
        str(srcdir),
        str(outdir),
        *args,
        *_defines(overrides or {}),
    ]
    if fresh_process is None:
        fresh_process = any(arg.startswith(("-j", "--jobs")) for arg in args)
    app = None
    if fresh_process:
        done = subprocess.run(
            [sys.executable, "-m", "sphinx", *command], capture_output=True, text=True, cwd=ROOT
        )
        returncode, stdout, stderr = done.returncode, done.stdout, done.stderr
    else:
        returncode, stdout, stderr, app = _build_here(command)
    return Build(returncode, stdout, stderr, srcdir, Path(outdir), app=app)


def _defines(overrides: dict[str, object]) -> list[str]:
    defines = []
    for name, value in overrides.items():
        if isinstance(value, bool):
            text = "1" if value else "0"
        elif isinstance(value, (list, tuple)):
            text = ",".join(str(item) for item in value)
        elif isinstance(value, (str, int, float)):
            text = str(value)
        else:
            raise TypeError(f"{name}: the command line cannot set a {type(value).__name__}")
        defines += ["-D", f"{name}={text}"]
    return defines


def _build_here(args: list[str]) -> tuple[int, str, str, Any]:
    """Sphinx's command line in this process; also hands back the application it made."""
    import sphinx.cmd.build
    from sphinx.cmd.build import build_main

    made = []

    class _Kept(sphinx.cmd.build.Sphinx):
        def __init__(self, *args, **kwargs):
            made.append(self)
            super().__init__(*args, **kwargs)

    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(ROOT),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
        mock.patch.object(sphinx.cmd.build, "Sphinx", _Kept),
    ):
        try:
            returncode = build_main(args)
        except SystemExit as exit_:  # argument errors: argparse exits, as the command would
            returncode = exit_.code if isinstance(exit_.code, int) else 1
    return returncode, stdout.getvalue(), stderr.getvalue(), made[-1] if made else None


# ---- the older entry points: one call to build() each ---------------------------------------


def sphinx_build(
    srcdir: Path | str,
    outdir: Path | str,
    builder: str = "html",
    *extra_args: str,
    confdir: Path | str | None = None,
    fresh_process: bool | None = None,
) -> tuple[int, str, str]:
    """``build()`` with an explicit output folder; returns (returncode, stdout, stderr)."""
    done = build(
        srcdir, builder, *extra_args, outdir=outdir, confdir=confdir, fresh_process=fresh_process
    )
    return done.returncode, done.stdout, done.warnings


def build_in_process(srcdir: Path, builder: str = "html", **overrides) -> tuple[Path, str]:
    """``build()`` into ``srcdir/_build/<builder>``; returns (output folder, warnings)."""
    done = build(srcdir, builder, overrides=overrides, fresh_process=False)
    return done.outdir, done.warnings


def build_course(outdir: Path, builder: str = "html", *extra_args: str) -> tuple[int, str, str]:
    """``build()`` of the real course (docs/ with the root conf.py), in a fresh interpreter."""
    done = build(DOCS, builder, *extra_args, outdir=outdir, confdir=ROOT, fresh_process=True)
    return done.returncode, done.stdout, done.warnings


# ---- serving ------------------------------------------------------------------------------------


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
