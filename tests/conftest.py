"""Shared fixtures: Sphinx test roots, the built course served locally, and Chromium."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from find_browser import NoBrowser, find_chromium  # noqa: E402
from support import StaticServer, build_course  # noqa: E402

pytest_plugins = ["sphinx.testing.fixtures"]

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


def pytest_collection_modifyitems(config, items):
    """A test that needs the whole course built (the ``site`` fixture below) is ``slow``.

    Building the course takes longer than the rest of the quick lane together, so
    ``make test-fast`` (``-m "not slow"``) leaves these tests to ``make test``, which runs them
    all. A module with a ``site`` fixture of its own (a small test root) is not affected.
    """
    slow = pytest.mark.slow
    for item in items:
        module = getattr(item, "module", None)
        if "site" in getattr(item, "fixturenames", ()) and not hasattr(module, "site"):
            item.add_marker(slow)
    config.stash[LANE_OF] = {item.nodeid: lane_of(item) for item in items}


# ---- lanes: what each kind of test costs ---------------------------------------------------------
# `make test` runs every test in one session; at its end this says how the time was spent, per
# lane. A test's time is its setup, call and teardown (a session-wide build counts in the lane of
# the first test that needs it), so the lanes add up to the session's wall time less collection.
# `make test` times the Node lane itself and passes it in KQ_LANE_NODE_SECONDS.

LANES = ("quick Python", "site builds", "browser", "examples", "exercises")
LANE_OF = pytest.StashKey[dict]()
LANE_SECONDS = pytest.StashKey[dict]()


def lane_of(item) -> str:
    name = Path(str(item.path)).name
    if name == "test_examples.py":
        return "examples"
    if "exercise" in name:
        return "exercises"
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
    if not seconds or not any(seconds.values()):
        return
    terminalreporter.section("lanes (wall time)")
    rows = []
    node = os.environ.get("KQ_LANE_NODE_SECONDS")
    if node:
        rows.append(("node", float(node)))
    rows += list(seconds.items())
    for lane, spent in rows:
        note = "" if spent or lane != "exercises" else " (no exercise checks yet)"
        terminalreporter.write_line(f"{lane:<14} {spent:7.1f} s{note}")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test roots for ``@pytest.mark.sphinx(testroot=...)`` live in tests/roots/test-<name>/."""
    return TESTS / "roots"


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


@pytest.fixture(scope="session")
def site(tmp_path_factory, serve_dir):
    """The whole course built once (HTML, parallel) and served on 127.0.0.1.

    Attributes: ``url`` (base URL), ``outdir`` (Path), ``warnings`` (Sphinx's stderr),
    ``returncode``.
    """
    outdir = tmp_path_factory.mktemp("site") / "html"
    returncode, _stdout, stderr = build_course(outdir, "html", "-j", "auto", "--keep-going")
    if not (outdir / "index.html").is_file():
        pytest.fail(f"the course did not build:\n{stderr}", pytrace=False)
    return SimpleNamespace(
        url=serve_dir(outdir), outdir=outdir, warnings=stderr, returncode=returncode
    )


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
