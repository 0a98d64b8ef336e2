"""``make test`` runs two pytest sessions side by side (tools/run_tests.py): both run, a failure in
either fails the whole, and the summary names each session and its lanes.

Each test writes a tiny project of its own (a conftest that declares ``ml_stack`` and writes its
lanes the way tests/conftest.py does) and runs the real pytest twice in it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tools import run_tests

CONFTEST = """
import json, os
from pathlib import Path

def pytest_configure(config):
    config.addinivalue_line("markers", "ml_stack: needs Keras")

def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if os.environ.get("KQ_LANES_FILE"):
        Path(os.environ["KQ_LANES_FILE"]).write_text(json.dumps({"made up": 1.5}))

def pytest_unconfigure(config):
    if config.option.markexpr == "not ml_stack":  # the main session is ending
        Path("main-ended").write_text("")
"""


def project(tmp_path: Path, ml_body: str, main_body: str) -> Path:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_ml.py").write_text(
        textwrap.dedent(f"""
        import pytest
        from pathlib import Path

        @pytest.mark.ml_stack
        def test_ml():
            Path("ran-ml").write_text("")
            {ml_body}
        """)
    )
    (tmp_path / "test_main.py").write_text(
        textwrap.dedent(f"""
        from pathlib import Path

        def test_main():
            Path("ran-main").write_text("")
            {main_body}
        """)
    )
    return tmp_path


def test_both_sessions_run_and_their_lanes_are_summed_up(tmp_path, capfd):
    root = project(tmp_path, "assert True", "assert True")
    assert run_tests.main([], root=root) == 0
    assert (root / "ran-ml").exists() and (root / "ran-main").exists()
    said = capfd.readouterr().out
    assert "ML session" in said and "main session" in said and "whole run" in said
    assert "made up" in said and "(ML session)" in said and "(main session)" in said


@pytest.mark.parametrize("failing", ["ml", "main"])
def test_a_failure_in_either_session_fails_the_run(tmp_path, capfd, failing):
    bodies = {"ml": "assert True", "main": "assert True", failing: "assert False"}
    root = project(tmp_path, bodies["ml"], bodies["main"])
    assert run_tests.main([], root=root) == 1
    said = capfd.readouterr().out
    assert "FAILED (exit 1)" in said
    if failing == "ml":  # the ML session's own report is printed, with its failure
        assert "test_ml.py" in said and "assert False" in said


def test_a_selection_of_ones_own_runs_once_in_one_session(tmp_path):
    root = project(tmp_path, "assert True", "assert True")
    assert run_tests.main(["-q", "test_main.py"], root=root) == 0
    assert (root / "ran-main").exists() and not (root / "ran-ml").exists()
    assert not (root / "_build").exists()


def test_each_session_reports_its_own_wall_time(tmp_path, capfd):
    """The quick session's wall time is its own, not the slow one's it waited beside.

    The ML test goes on 3 s after the main session has ended, however long either took to
    start (on a loaded machine, pytest alone can take several seconds)."""
    ml_waits = (
        "import time; [time.sleep(0.1) for _ in range(3000) if not Path('main-ended').exists()]; "
        "time.sleep(3)"
    )
    root = project(tmp_path, ml_waits, "assert True")
    assert run_tests.main([], root=root) == 0
    said = capfd.readouterr().out
    walls = {
        line.split(" session")[0]: float(line.split()[2])
        for line in said.splitlines()
        if line.startswith(("ML session", "main session"))
    }
    assert walls["ML"] - walls["main"] >= 2.5, said


def test_each_session_lists_its_slowest_tests(tmp_path, capfd):
    """A lane that grows names the test that made it grow, in either session."""
    root = project(tmp_path, "import time; time.sleep(1.2)", "import time; time.sleep(1.2)")
    assert run_tests.main([], root=root) == 0
    said = capfd.readouterr().out
    assert "test_ml.py::test_ml" in said and "test_main.py::test_main" in said
    assert said.count("slowest") >= 2
