"""The one way tests build Sphinx (support.build, and the build_root fixture in conftest.py).

It runs Sphinx as ``sphinx-build`` does, so what a test reads is what an author sees: the return
code, warnings as printed, ``-W`` and ``-D`` as on the command line; and it hands over the
application for tests that read Sphinx's environment.
"""

from __future__ import annotations

import pytest

from support import ROOTS, build_course, build_in_process, sphinx_build

PAGE = "Home\n====\n\nA page about |thing|.\n"
CONF = 'rst_epilog = ".. |thing| replace:: configuration"\n'


def test_a_root_is_built_from_a_copy_with_the_pages_given(build_root):
    done = build_root("quiz-basic", "text", pages={"extra.md": "# Extra\n\nNew page.\n"})
    assert done.returncode == 0, done.warnings
    assert done.srcdir != ROOTS / "test-quiz-basic"
    assert not (ROOTS / "test-quiz-basic" / "_build").exists()
    assert "New page." in done.page("extra.txt")
    assert done.outdir == done.srcdir / "_build" / "text"


def test_warnings_come_as_sphinx_build_prints_them(build_root):
    done = build_root(None, "text", pages={"conf.py": "", "index.rst": PAGE})
    assert done.returncode == 0
    assert 'index.rst:4: ERROR: Undefined substitution referenced: "thing"' in done.warnings
    assert "\x1b[" not in done.warnings  # no colours


def test_W_turns_a_warning_into_a_failed_build(build_root):
    done = build_root(None, "text", "-W", pages={"conf.py": "", "index.rst": PAGE + "\n`x`_\n"})
    assert done.returncode != 0
    assert "WARNING" in done.warnings or "ERROR" in done.warnings


def test_overrides_are_command_line_defines(build_root):
    pages = {"conf.py": CONF, "index.rst": PAGE}
    done = build_root(None, "text", pages=pages, overrides={"project": "Overridden"})
    assert done.returncode == 0, done.warnings
    assert done.app.config.project == "Overridden"
    assert "A page about configuration." in done.page("index.txt")


def test_the_application_is_handed_over_with_its_environment(build_root):
    done = build_root("quiz-basic", "html")
    assert done.app is not None
    assert "index" in done.app.env.found_docs
    assert done.app.env.get_doctree("index").astext()


def test_a_fresh_process_build_gives_the_same_pages_without_an_application(build_root):
    done = build_root(None, "text", pages={"conf.py": CONF, "index.rst": PAGE}, fresh_process=True)
    assert done.returncode == 0, done.warnings
    assert done.app is None
    assert "A page about configuration." in done.page("index.txt")


def test_an_unknown_root_is_an_error_that_names_the_folder(build_root):
    with pytest.raises(LookupError, match="no test root 'no-such-root'"):
        build_root("no-such-root")


def test_the_older_entry_points_are_calls_to_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.rst").write_text(PAGE, encoding="utf-8")
    outdir, warnings = build_in_process(src, "text")
    assert warnings == "" and "configuration" in (outdir / "index.txt").read_text("utf-8")
    code, stdout, stderr = sphinx_build(src, tmp_path / "out", "text", "-q")
    assert (code, stdout, stderr) == (0, "", "")
    assert callable(build_course)
