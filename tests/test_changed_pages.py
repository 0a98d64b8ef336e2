"""Which pages ``make check`` runs: plans kept between checks never hide a changed page.

``tools/examples/plan.py`` keeps each folder's plans and what they were read from, skips Sphinx
when nothing changed, and can start from the doctrees of the HTML build ``make check`` has just
made; ``tools/examples/changed.py`` compares the branch's plans with the base's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import support
from tools.examples import changed, plan
from tools.examples.changed import differing, plan_texts
from tools.examples.plan import build_plans, read_plans

ROOTS = Path(__file__).resolve().parent / "roots"
REPO = Path(__file__).resolve().parents[1]

PAGE = "# P\n\nWords.\n\n```python\nx = 1\n```\n\n```python\nprint(x)\n```\n"
INDEX = "# Home\n\n```{toctree}\npage\ntabs\n```\n"


def write(srcdir: Path, pages: dict[str, str]) -> Path:
    srcdir.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (srcdir / name).write_text(text, encoding="utf-8")
    return srcdir


def code_of(plans: Path, srcdir: Path, docname: str) -> list[str]:
    (found,) = [p for p in read_plans(plans, srcdir) if p.docname == docname]
    return [block.code.rstrip("\n") for block in found.page.blocks]


def set_back(path: Path, seconds: float = 3600) -> None:
    """Give ``path`` a time an hour before now: an edit restored by ``cp -p`` or an archive."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


@pytest.mark.parametrize("restored", [False, True], ids=["edited", "restored-with-an-old-time"])
def test_a_block_edited_after_a_plan_build_selects_its_page(tmp_path, restored):
    """The branch's plans were built (an earlier check), then one block is edited: that page,
    and only that one, differs from the base, even when the edit keeps an older file time."""
    before = write(tmp_path / "base", {"page.md": PAGE, "other.md": PAGE})
    base = plan_texts(build_plans(before, tmp_path / "base-out"), before)
    srcdir = write(tmp_path / "head", {"page.md": PAGE, "other.md": PAGE})
    out = tmp_path / "head-out"
    assert differing(plan_texts(build_plans(srcdir, out), srcdir), base) == []

    page = srcdir / "page.md"
    page.write_text(PAGE.replace("x = 1", "x = 1  # edited"), encoding="utf-8")
    if restored:
        set_back(page)
    plans = build_plans(srcdir, out)
    assert code_of(plans, srcdir, "page")[0] == "x = 1  # edited", "the stale plan was reused"
    assert differing(plan_texts(plans, srcdir), base) == ["page.md"]


def test_an_unchanged_folder_is_not_read_again(tmp_path, monkeypatch):
    srcdir = write(tmp_path / "src", {"page.md": PAGE})
    first = build_plans(srcdir, tmp_path / "out")

    def no_sphinx(*args):
        raise AssertionError("Sphinx started although no file changed")

    monkeypatch.setattr(plan, "_run_sphinx", no_sphinx)
    assert build_plans(srcdir, tmp_path / "out") == first
    (srcdir / "new.md").write_text("# N\n", encoding="utf-8")  # a new file: Sphinx must run
    with pytest.raises(AssertionError, match="Sphinx started"):
        build_plans(srcdir, tmp_path / "out")


def test_a_changed_include_starts_sphinx_again(tmp_path, monkeypatch):
    """A file a page depends on (here an included one, outside the folder) counts too: when it
    changes, Sphinx reads again, every page when the change kept an older file time."""
    shared = tmp_path / "shared.md"
    shared.write_text("Shared words.\n", encoding="utf-8")
    srcdir = write(tmp_path / "src", {"page.md": PAGE + "\n```{include} ../shared.md\n```\n"})
    build_plans(srcdir, tmp_path / "out")
    runs = []
    real = plan._run_sphinx

    def recorded(*args):
        runs.append(args[-1])  # fresh: every page read again
        return real(*args)

    monkeypatch.setattr(plan, "_run_sphinx", recorded)
    build_plans(srcdir, tmp_path / "out")
    assert runs == []
    shared.write_text("Other words.\n", encoding="utf-8")
    build_plans(srcdir, tmp_path / "out")
    shared.write_text("Third words.\n", encoding="utf-8")
    set_back(shared)
    build_plans(srcdir, tmp_path / "out")
    assert runs == [False, True]


@pytest.fixture(scope="module")
def html_site(tmp_path_factory):
    """A small site built in HTML with the course's conf.py and extensions, as make check does."""
    srcdir = write(tmp_path_factory.mktemp("site") / "src", {"index.md": INDEX, "page.md": PAGE})
    shutil.copy(ROOTS / "examples-tabs" / "tabs.md", srcdir / "tabs.md")
    doctrees = srcdir.parent / "doctrees"
    done = support.build(
        srcdir, "html", "-d", str(doctrees), outdir=srcdir.parent / "html", confdir=REPO
    )
    assert done.returncode == 0, done.warnings
    return srcdir, doctrees


def test_plans_started_from_the_html_doctrees_are_the_plans_read_anew(html_site, tmp_path):
    srcdir, doctrees = html_site
    anew = build_plans(srcdir, tmp_path / "anew")
    seeded = build_plans(srcdir, tmp_path / "seeded", seed=doctrees)
    assert plan_texts(seeded, srcdir) == plan_texts(anew, srcdir)
    assert len(plan_texts(seeded, srcdir)) == 2
    # Sphinx read no page again: each doctree is the HTML build's, as copied
    for name in ("page.doctree", "tabs.doctree"):
        copied, original = tmp_path / "seeded" / "doctrees" / name, doctrees / name
        assert copied.stat().st_mtime_ns == original.stat().st_mtime_ns
        assert copied.read_bytes() == original.read_bytes()


def test_a_page_edited_after_the_html_build_is_read_again(tmp_path):
    srcdir = write(tmp_path / "src", {"index.md": INDEX.replace("tabs\n", ""), "page.md": PAGE})
    doctrees = tmp_path / "doctrees"
    done = support.build(
        srcdir, "html", "-d", str(doctrees), outdir=tmp_path / "html", confdir=REPO
    )
    assert done.returncode == 0, done.warnings
    (srcdir / "page.md").write_text(PAGE.replace("x = 1", "x = 3"), encoding="utf-8")
    plans = build_plans(srcdir, tmp_path / "out", seed=doctrees)
    assert code_of(plans, srcdir, "page")[0] == "x = 3", "the HTML build's doctree was reused"


def test_changed_runs_the_base_build_beside_the_branch_build(tmp_path, monkeypatch):
    """The base's plans build in their own process, started before the branch's plans."""
    order = []

    class FakeBase:
        def __init__(self, base):
            order.append("base started")

        def result(self):
            order.append("base awaited")
            return {"page.md": "old"}

        def stop(self):
            order.append("base stopped")

    def fake_build(docs, seed=None):
        order.append(f"head built from {seed}")
        return tmp_path

    monkeypatch.setattr(changed, "BasePlans", FakeBase)
    monkeypatch.setattr(changed, "_base", lambda: "abc")
    monkeypatch.setattr(changed, "changed_files", lambda base: {"docs/page.md"})
    monkeypatch.setattr(changed, "build_plans", fake_build)
    monkeypatch.setattr(changed, "plan_texts", lambda plans, docs: {"page.md": "new"})
    assert changed.changed_pages(seed=Path("seeded")) == ["page.md"]
    assert order == ["base started", "head built from seeded", "base awaited"]


@pytest.mark.slow  # three fresh interpreters that import Sphinx: the site-builds lane
def test_changed_prints_the_edited_page_of_a_clone(tmp_path):
    """End to end on a commit of a tiny repository: one block edited, one page printed."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "tools", repo / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    write(repo / "docs", {"index.md": INDEX.replace("tabs\n", ""), "page.md": PAGE})
    for name in ("conf.py", "pyproject.toml"):
        shutil.copy(REPO / name, repo / name)
    skip = shutil.ignore_patterns("node_modules", "__pycache__")
    shutil.copytree(REPO / "extensions", repo / "extensions", ignore=skip)
    (repo / "requirements").mkdir()
    shutil.copy(REPO / "requirements" / "lock.txt", repo / "requirements" / "lock.txt")

    def git(*args):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "topic")
    run = [sys.executable, "-m", "tools.examples.changed"]
    done = subprocess.run(run, cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.split() == [], done.stderr
    page = repo / "docs" / "page.md"
    page.write_text(PAGE.replace("print(x)", "print(x)  # edited"), encoding="utf-8")
    set_back(page)
    done = subprocess.run(run, cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.split() == ["page.md"], done.stderr
