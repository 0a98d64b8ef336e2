"""Collecting the tests is cheap and leaves nothing behind: no Sphinx starts, no page runs.

pytest collects every module before it runs one test, and ``--collect-only`` (or ``-k`` on a
single test) should answer in a second or two. A module that builds a site or reads the course
at import time makes every run pay for it; that work belongs in a fixture.
"""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT

#: A pytest plugin that makes starting Sphinx fail loudly and counts the attempts.
PROBE = """
import sphinx.application

STARTS = []


def _refuse(self, *args, **kwargs):
    STARTS.append(args[:1])
    raise RuntimeError("Sphinx started while the tests were being collected")


sphinx.application.Sphinx.__init__ = _refuse


def pytest_collection_finish(session):
    print(f"Sphinx starts during collection: {len(STARTS)}")
"""


def _collect(tmp_path, *paths: str) -> subprocess.CompletedProcess:
    (tmp_path / "sphinx_probe.py").write_text(PROBE, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "sphinx_probe"]
    command += ["-p", "no:playwright", "-p", "no:cacheprovider", *paths]
    path = os.pathsep.join([str(tmp_path), str(ROOT / "tests"), str(ROOT)])
    env = {"PYTHONPATH": path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)


def test_collecting_every_test_starts_no_sphinx(tmp_path):
    done = _collect(tmp_path, "tests")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Sphinx starts during collection: 0" in done.stdout
    assert "tests/test_examples.py::test_page[" in done.stdout  # the course examples are there


def test_the_probe_sees_a_module_that_builds_while_it_is_collected(tmp_path):
    """The check can fail: a module that builds a site at import time is caught."""
    module = tmp_path / "test_builds_early.py"
    module.write_text(
        "from support import build\n"
        f"build({str(ROOT / 'tests' / 'roots' / 'test-quiz-basic')!r}, outdir={str(tmp_path)!r})\n"
        "def test_nothing():\n    pass\n",
        encoding="utf-8",
    )
    done = _collect(
        tmp_path, "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), str(module)
    )
    assert "Sphinx starts during collection: 1" in done.stdout, done.stdout + done.stderr
