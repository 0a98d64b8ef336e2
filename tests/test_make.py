"""The make targets hold up: `make help` and the README list every target, `make clean` leaves
nothing behind, and a broken `.venv` is made again or explained in one line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENSURE_VENV = ROOT / "tools" / "ensure_venv.sh"
#: Targets other targets use; a person never types them.
INTERNAL = {"venv-ok", "test-js", "test-py"}


def _targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*?)(?<!\\)$", makefile, re.M | re.S)[1]
    return set(phony.replace("\\", " ").split()) - INTERNAL


def test_make_help_lists_every_target():
    done = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True)
    listed = {line.split()[0] for line in done.stdout.splitlines()[1:] if line.strip()}
    assert _targets() <= listed, _targets() - listed


def test_readme_names_every_target():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = {t for t in _targets() if f"make {t}" not in readme}
    assert not missing, missing


def test_make_clean_removes_everything_the_build_leaves(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path)
    leftovers = ["_build/html", "build/lib", "keras_quest.egg-info", ".pytest_cache"]
    for folder in leftovers:
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / ".venv").mkdir()
    subprocess.run(["make", "-s", "clean"], cwd=tmp_path, check=True, capture_output=True)
    assert [f for f in leftovers if (tmp_path / f.split("/")[0]).exists()] == []
    assert (tmp_path / ".venv").exists()


def _ensure(python: str, venv: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["sh", str(ENSURE_VENV), python, str(venv)], capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_a_venv_without_pip_is_made_again(tmp_path):
    venv = tmp_path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    done = _ensure(sys.executable, venv)
    assert done.returncode == 0, done.stderr
    assert "making it again" in done.stdout
    assert subprocess.run([venv / "bin" / "python", "-m", "pip", "--version"]).returncode == 0


def test_a_python_too_old_stops_make_with_one_line(tmp_path):
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    old = venv / "bin" / "python"
    old.write_text("#!/bin/sh\nexit 1\n")  # answers "no" to "are you 3.11 or newer?"
    old.chmod(0o755)
    python = tmp_path / "python-too-old"
    python.write_text('#!/bin/sh\n[ "$1" = -V ] && echo "Python 3.9.2"\nexit 1\n')
    python.chmod(0o755)
    done = _ensure(str(python), venv)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "needs Python 3.11 or newer" in lines[0] and "Python 3.9.2" in lines[0]
    assert "make PYTHON=" in lines[0]


def test_a_missing_python_is_one_line(tmp_path):
    done = _ensure("python-that-does-not-exist", tmp_path / ".venv")
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0
    assert "was not found" in done.stderr


def test_a_good_venv_is_left_alone(tmp_path):
    done = _ensure("python3", Path(sys.prefix))
    assert done.returncode == 0
    assert done.stdout == "" and done.stderr == ""


def test_livehtml_installs_only_the_site_and_the_preview_server(tmp_path):
    dry = subprocess.run(
        ["make", "-n", "livehtml", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    installs = [line for line in dry.stdout.splitlines() if "pip install" in line]
    assert installs == [
        f"{tmp_path / 'venv'}/bin/python -m pip install --quiet "
        "--constraint requirements/lock.txt --editable '.[live]'"
    ]


def _installs(target: str, venv: Path) -> list[str]:
    """The pip commands `make TARGET` would run for a new .venv."""
    dry = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True
    )
    return [line for line in dry.stdout.splitlines() if "pip install" in line]


@pytest.mark.parametrize("target", ["html", "livehtml", "check", "test", "test-fast", "lock"])
def test_every_install_takes_its_versions_from_the_lock(tmp_path, target):
    installs = _installs(target, tmp_path / "venv")
    assert installs
    assert all("--constraint requirements/lock.txt" in line for line in installs), installs


def test_check_installs_only_the_site_and_the_test_tools(tmp_path):
    """The examples' stack (4 GB) comes only when a page's examples changed."""
    (install,) = _installs("check", tmp_path / "venv")
    assert install.endswith("'.[test]'")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\ncheck:") : makefile.index("\nnew-track:")]
    stack = recipe.index("$(INSTALL_EXAMPLES)")
    assert recipe.index("tools.examples.changed") < stack < recipe.index("tests/test_examples.py")
    assert re.search(r"^INSTALL_EXAMPLES \?= .*\.installed-test$", makefile, re.M)


def test_the_lock_pins_every_package_the_extras_name():
    """requirements/lock.txt is `make lock`'s output for this pyproject.toml: every package the
    site and its extras ask for has one exact version in it."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += extra
    pinned = {}
    for line in (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            name, version = line.split("==")
            pinned[canonicalize_name(name)] = version.strip()
    for spec in map(Requirement, wanted):
        name = canonicalize_name(spec.name)
        assert name in pinned, f"{spec.name} is not in the lock: run make lock"
        assert spec.specifier.contains(pinned[name], prereleases=True), (
            f"the lock has {spec.name}=={pinned[name]}, outside {spec}: run make lock"
        )


def test_read_the_docs_and_ci_use_the_python_the_lock_is_for():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    locked = re.search(r"--python-version (3\.\d+)", makefile)[1]
    readthedocs = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    assert re.search(rf'python: "{re.escape(locked)}"', readthedocs)
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert re.search(rf'python-version: "{re.escape(locked)}"', workflow)
    assert f"{sys.version_info.major}.{sys.version_info.minor}" == locked  # the tests' own Python


def test_read_the_docs_runs_the_make_targets():
    """One command per format everywhere, each with the Makefile's -W: no step of its own."""
    config = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    commands = re.findall(r"^\s+- (.+)$", config, re.M)
    builds = [c for c in commands if c.startswith("make ") or "-m sphinx" in c or "latexmk " in c]
    assert {c.split()[1] for c in builds} == {"venv", "html", "epub", "latexpdf"}, builds
    assert not re.search(r"^\s*fail_on_warning:", config, re.M)  # never read: every step is named
    assert re.search(r"^SPHINXOPTS\s*\?=.*-W", (ROOT / "Makefile").read_text(), re.M)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("latexmk"), reason="latexmk is not installed")
def test_make_latex_recovers_after_a_failed_run(tmp_path):
    """latexmk remembers a failed run; with the options `make latex` passes, it tries again."""
    options = re.search(r'all-pdf LATEXMKOPTS="([^"]*)"', (ROOT / "Makefile").read_text())[1]
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage{kqbroken}\\begin{document}Hi\\end{document}\n"
    )
    broken = tmp_path / "styles"
    broken.mkdir()
    (broken / "kqbroken.sty").write_text("\\PackageError{kqbroken}{missing font}{}\n")
    latexmk = ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", *options.split()]
    env = {**os.environ, "TEXINPUTS": f"{broken}:"}
    first = subprocess.run([*latexmk, "doc.tex"], cwd=tmp_path, env=env, capture_output=True)
    assert first.returncode != 0
    (broken / "kqbroken.sty").write_text("\\ProvidesPackage{kqbroken}\n")  # the font arrived
    again = subprocess.run([*latexmk, "doc.tex"], cwd=tmp_path, env=env, capture_output=True)
    assert again.returncode == 0, again.stdout.decode()[-2000:]
    assert (tmp_path / "doc.pdf").is_file()


def test_read_the_docs_publishes_no_doctrees():
    config = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    builds = re.findall(r"- make (?:html|epub|latexpdf) (.*)$", config, re.M)
    assert builds and all("BUILDDIR=_build" in line for line in builds)  # doctrees: _build/doctrees
    copies = re.findall(r'cp .*"\$READTHEDOCS_OUTPUT/\w+/?"', config)
    assert len(copies) == 3 and not any("doctrees" in line for line in copies)
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "_readthedocs/html/index.html"], cwd=ROOT
    )
    assert ignored.returncode == 0


def test_no_file_points_at_notes_outside_the_repository():
    # The team's notes folder beside the clone (its browser-testing notes and the like) is not
    # part of the product: nothing may send a reader there.
    notes = re.compile("shared" + r"/[A-Z_]+\.md")
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    pointing = [
        name
        for name in tracked
        if name.endswith((".py", ".sh", ".md", ".toml", ".yaml", ".yml", "Makefile", "run"))
        and notes.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))
    ]
    assert pointing == []
