"""The build log holds what an author acts on (extensions/buildlog): MyST's configuration dump,
Sphinx's "The configuration has changed" after every build and sphinxext-opengraph's matplotlib
line are gone, and each comes back when it says something new.

The first test of each pair shows the dependency still does it: when one fails, upstream has
fixed it and that part of extensions/buildlog can go."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT, sphinx_build

CONFIG_CHANGED = "The configuration has changed"
OPENGRAPH_LINE = "matplotlib is not installed, social cards will not be generated"
#: Runs Python with matplotlib made unimportable, as in a site-only virtual environment.
NO_MATPLOTLIB = "import sys; sys.modules['matplotlib'] = None; "


def _project(tmp_path: Path, *, buildlog: bool, title: str = "Tiny", more: tuple = ()) -> Path:
    """A small MyST project whose extensions change the configuration while the builder starts
    (sphinx-design and sphinx-copybutton append their static folders), as the course's do."""
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    extensions = ["myst_parser", "sphinx_design", "sphinx_copybutton", *more]
    if buildlog:
        extensions.insert(0, "extensions.buildlog")
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"extensions = {extensions!r}\nhtml_title = {title!r}\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text("# Home\n\nSome words.\n", encoding="utf-8")
    return src


def _build(src: Path, *args: str) -> str:
    code, out, err = sphinx_build(
        src, src.parent / "html", "html", "-d", str(src.parent / "doctrees"), *args,
        fresh_process=True,
    )  # fmt: skip
    assert code == 0, err
    return out


def test_myst_still_prints_its_whole_configuration_on_every_build(tmp_path):
    out = _build(_project(tmp_path, buildlog=False))
    assert "MdParserConfig(" in out


def test_myst_configuration_is_shown_only_when_asked_for(tmp_path):
    src = _project(tmp_path, buildlog=True)
    assert "MdParserConfig(" not in _build(src)
    assert "MdParserConfig(" in _build(src, "-E", "-v")


def test_sphinx_still_reports_setup_changes_as_configuration_changes(tmp_path):
    src = _project(tmp_path, buildlog=False)
    _build(src)
    assert CONFIG_CHANGED in _build(src)


def test_an_unchanged_configuration_builds_again_without_the_line(tmp_path):
    src = _project(tmp_path, buildlog=True)
    _build(src)
    again = _build(src)
    assert CONFIG_CHANGED not in again
    assert "no targets are out of date" in again


def test_a_real_configuration_change_is_still_reported(tmp_path):
    src = _project(tmp_path, buildlog=True)
    _build(src)
    _project(tmp_path, buildlog=True, title="Another title")
    assert CONFIG_CHANGED in _build(src)
    # ...and once that build is the one on disk, the line goes again.
    assert CONFIG_CHANGED not in _build(src)


def test_opengraph_still_prints_a_line_without_matplotlib():
    done = subprocess.run(
        [sys.executable, "-c", NO_MATPLOTLIB + "import sphinxext.opengraph"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert OPENGRAPH_LINE in done.stdout


def test_the_course_build_prints_no_opengraph_line_without_matplotlib(tmp_path):
    src = _project(tmp_path, buildlog=True, more=("sphinxext.opengraph",))
    args = [str(src), str(tmp_path / "html"), "-q", "-d", str(tmp_path / "doctrees")]
    done = subprocess.run(
        [sys.executable, "-c",
         NO_MATPLOTLIB + f"from sphinx.cmd.build import main; sys.exit(main({args!r}))"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert OPENGRAPH_LINE not in done.stdout + done.stderr
