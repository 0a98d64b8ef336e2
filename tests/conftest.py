"""Shared fixtures: the one way to build Sphinx, the built course served locally, and Chromium.

Building Sphinx (tests/README.md says more):

- ``whole_course``: the whole course (docs/ with the root conf.py), built once per session in
  HTML and served on 127.0.0.1. A test that asks for it is ``slow`` (not the quick lane).
- ``build_root``: a factory that copies one test root from tests/roots/ (or a folder of pages a
  test wrote) to a fresh temporary folder and builds it, e.g.
  ``build_root("quiz-basic", "text")`` -> ``support.Build``.

Both run Sphinx through ``support.build``, as ``sphinx-build`` does.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from find_browser import NoBrowser, find_chromium  # noqa: E402
from support import DOCS, ROOTS, Build, StaticServer, build  # noqa: E402

# Tests read Sphinx's messages as text. CI sets CI=true, under which Sphinx would colour them;
# NO_COLOR reaches every Sphinx we start, in this process and in subprocesses.
os.environ["NO_COLOR"] = "1"

# Keep Chromium quiet and offline: no background traffic, and every host but 127.0.0.1 resolves
# to nothing, so a page that reaches for another host fails instead of waiting.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


#: The fixtures that build the whole course.
WHOLE_COURSE = ("whole_course",)


def pytest_collection_modifyitems(config, items):
    """A test that needs the whole course built (``whole_course`` below) is ``slow``.

    Building the course takes longer than the rest of the quick lane together, so
    ``make test-fast`` (``-m "not slow"``) leaves these tests to ``make test``, which runs them
    all.
    """
    slow = pytest.mark.slow
    for item in items:
        module = getattr(item, "module", None)
        names = getattr(item, "fixturenames", ())
        if any(name in names and not hasattr(module, name) for name in WHOLE_COURSE):
            item.add_marker(slow)
    config.stash[LANE_OF] = {item.nodeid: lane_of(item) for item in items}


# ---- lanes: what each kind of test costs ---------------------------------------------------------
# Each session says at its end how its time was spent, per lane. A test's time is its setup, call
# and teardown (a session-wide build counts in the lane of the first test that needs it), so the
# lanes add up to the session's wall time less collection. `make test` times the Node lane itself
# and runs two sessions side by side (tools/run_tests.py), which sums them up from KQ_LANES_FILE.

LANES = ("quick Python", "site builds", "browser", "examples", "exercises")
LANE_OF = pytest.StashKey[dict]()
LANE_SECONDS = pytest.StashKey[dict]()


def lane_of(item) -> str:
    name = Path(str(item.path)).name
    if "exercise" in name:
        return "exercises"
    if name == "test_examples.py" or item.get_closest_marker("ml_stack"):
        return "examples"
    if item.get_closest_marker("browser"):
        return "browser"
    if item.get_closest_marker("slow"):
        return "site builds"
    return "quick Python"


_SESSION: dict = {}  # the running session's config: a report does not carry it


def pytest_configure(config):
    config.stash[LANE_SECONDS] = dict.fromkeys(LANES, 0.0)
    _SESSION["config"] = config


def pytest_runtest_logreport(report):
    config = _SESSION.get("config")
    if config is not None:
        lane = config.stash.get(LANE_OF, {}).get(report.nodeid, "quick Python")
        config.stash[LANE_SECONDS][lane] += report.duration


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    seconds = config.stash.get(LANE_SECONDS, None)
    lanes_file = os.environ.get("KQ_LANES_FILE")
    if lanes_file and seconds is not None:  # tools/run_tests.py sums up two sessions
        Path(lanes_file).write_text(json.dumps(seconds), encoding="utf-8")
    if not seconds or not any(seconds.values()):
        return
    terminalreporter.section("lanes (wall time)")
    rows = []
    node = os.environ.get("KQ_LANE_NODE_SECONDS")
    if node:
        rows.append(("node", float(node)))
    rows += list(seconds.items())
    for lane, spent in rows:
        terminalreporter.write_line(f"{lane:<14} {spent:7.1f} s")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """The folder of test roots, tests/roots/ (``build_root`` takes a root's name)."""
    return ROOTS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    try:
        # `make test` has already resolved (and possibly downloaded) a browser into $CHROMIUM.
        executable = find_chromium(try_download="CHROMIUM" not in os.environ)
    except NoBrowser as exc:
        pytest.fail(str(exc), pytrace=False)
    args = {**browser_type_launch_args, "args": CHROMIUM_FLAGS}
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def serve_dir():
    """Factory: ``serve_dir(path) -> base URL`` (ends with '/'); servers stop after the session."""
    servers: list[StaticServer] = []

    def serve(directory: Path | str) -> str:
        server = StaticServer(directory)
        servers.append(server)
        return server.url

    yield serve
    for server in servers:
        server.close()


# ---- building Sphinx: the whole course, or a test root ------------------------------------------


@pytest.fixture(scope="session")
def whole_course(tmp_path_factory, serve_dir) -> Build:
    """The whole course built once (HTML, parallel, ``--keep-going``) and served on 127.0.0.1.

    A ``support.Build``: ``url`` (base URL, ends with '/'), ``outdir``, ``warnings`` (Sphinx's
    stderr), ``returncode``. The doctrees stay in ``outdir/.doctrees``, as ``sphinx-build`` puts
    them without ``-d``.
    """
    outdir = tmp_path_factory.mktemp("course") / "html"
    done = build(DOCS, "html", "-j", "auto", "--keep-going", outdir=outdir, confdir=ROOT)
    if not (outdir / "index.html").is_file():
        pytest.fail(f"the course did not build:\n{done.warnings}", pytrace=False)
    return dataclasses.replace(done, url=serve_dir(outdir))


@pytest.fixture(scope="session")
def build_root(tmp_path_factory):
    """Factory: build a fresh copy of a test root; returns a ``support.Build``.

    ``build_root(root, builder="html", *args, pages=None, overrides=None, fresh_process=None)``

    - ``root``: a name in tests/roots/ (``"quiz-basic"`` finds ``test-quiz-basic``), a folder,
      or None for an empty folder (then ``pages`` must hold a conf.py);
    - ``pages``: files to write or replace in the copy first, ``{"index.md": "# Home\\n"}``;
    - ``args``, ``overrides`` (``-D name=value``) and ``fresh_process``: as ``support.build``.

    Each call builds in a folder of its own, so tests never share an output by accident; a
    module that wants one build for all its tests calls it from a module-scoped fixture.
    """

    def build_root(
        root: str | Path | None,
        builder: str = "html",
        *args: str,
        pages: dict[str, str] | None = None,
        overrides: dict[str, object] | None = None,
        fresh_process: bool | None = None,
    ) -> Build:
        source = _root_folder(root)
        srcdir = tmp_path_factory.mktemp(source.name if source else "pages") / "src"
        if source:
            shutil.copytree(source, srcdir)
        else:
            srcdir.mkdir()
        for name, text in (pages or {}).items():
            path = srcdir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return build(srcdir, builder, *args, overrides=overrides, fresh_process=fresh_process)

    return build_root


def _root_folder(root: str | Path | None) -> Path | None:
    if root is None or isinstance(root, Path):
        return root
    for candidate in (ROOTS / f"test-{root}", ROOTS / root):
        if candidate.is_dir():
            return candidate
    raise LookupError(f"no test root {root!r} in {ROOTS}")


@pytest.fixture
def console_errors(page):
    """Console errors and uncaught exceptions of ``page``, collected as text."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return errors


@pytest.fixture
def outside_requests(page):
    """Every request ``page`` makes to anywhere but 127.0.0.1 (which must stay empty)."""
    seen: list[str] = []

    def record(request):
        url = request.url
        if not (url.startswith("http://127.0.0.1") or url.startswith(("data:", "blob:", "about:"))):
            seen.append(url)

    page.on("request", record)
    return seen
