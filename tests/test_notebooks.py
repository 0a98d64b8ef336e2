"""Each track's notebook (extensions/notebooks): built right, linked from its page, and run.

Quick: the small root ``roots/test-notebooks`` (a track with a plain block, a skipped one, a
hidden claim, a visible claim and a backend tab-set; a track without code) built with each kind
of builder; the checker's setup cell run in this process, without Keras.

Examples lane (``ml_stack``, ``slow``): every track's notebook of the whole course, executed by
nbclient, the backends taking turns (``notebook_runs``), two at a time, offline, with the example
runner's environment (``extensions/notebooks/execute.py``). One test per notebook and backend,
``test_notebook_runs[jax:03-ops]``; the first selected one runs them all, the others read the
result. In a code exercise's notebook the starter must not pass its check, and the reference
solution, run after it, must.
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import sys
import time
import types
from contextlib import redirect_stdout

import nbformat
import pytest

from extensions.examples.convention import RUN_BACKENDS
from extensions.notebooks import cells
from extensions.notebooks.config import parse_repository
from extensions.notebooks.execute import cell_text
from support import DOCS, ROOT
from tools.check_links import broken_links

ROOT_NAME = "notebooks"
DEMO = "notebooks/01-demo.ipynb"
COLAB = "https://colab.research.google.com/github/kq-org/kq-repo/blob/main/notebooks/01-demo.ipynb"


def read_notebook(build, path: str = DEMO) -> nbformat.NotebookNode:
    return nbformat.reads(build.page(path), as_version=4)


def code_cells(notebook) -> list:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


@pytest.fixture(scope="module")
def site(build_root):
    return build_root(ROOT_NAME, "html")


# ---- the notebook --------------------------------------------------------------------------------


def test_each_track_gets_a_valid_notebook_and_nothing_else_does(site):
    assert site.returncode == 0, site.warnings
    assert site.warnings == ""
    built = sorted(path.name for path in (site.outdir / "notebooks").iterdir())
    assert built == ["01-demo.ipynb", "02-empty.ipynb"]
    for name in built:
        notebook = read_notebook(site, f"notebooks/{name}")
        nbformat.validate(notebook)
        assert notebook.nbformat == 4
        assert notebook.metadata.kernelspec.name == "python3"


def test_the_first_code_cell_chooses_the_backend_before_keras_is_imported(site):
    notebook = read_notebook(site)
    first = code_cells(notebook)[0]
    assert cells.TAG_BACKEND in first.metadata.tags
    assert 'os.environ.setdefault("KERAS_BACKEND", "jax")' in first.source
    assert '"tensorflow"' in first.source and '"torch"' in first.source
    assert first.source.index("setdefault") < first.source.index("import keras")
    before = notebook.cells[: notebook.cells.index(first)]
    assert all(cell.cell_type == "markdown" for cell in before)
    assert "## Choose a backend" in before[-1].source


def test_the_title_links_the_page(site):
    title = read_notebook(site).cells[0]
    assert title.source.startswith("# Track 1: Demo\n")
    assert "[Track 1: Demo](tracks/01-demo.html)" in title.source
    assert "Keras 9.8.7" in title.source  # the root's pin


def test_visible_blocks_run_in_page_order_and_hidden_claims_are_left_out(site):
    notebook = read_notebook(site)
    sources = [
        cell.source for cell in code_cells(notebook) if cells.TAG_EXAMPLE in cell.metadata.tags
    ]
    assert sources[0] == 'greeting = "hello"\nprint(greeting)'
    assert sources[1] == "total = 2 + 2\nassert total == 4, total"  # a visible claim stays
    assert sources[-1] == "print(greeting, total)"
    text = json.dumps(notebook)
    assert "xyzzyhiddenclaim" not in text and "secret_word" not in text


def test_a_skipped_block_is_text_that_says_why(site):
    notebook = read_notebook(site)
    assert all("fetch_the_internet" not in cell.source for cell in code_cells(notebook))
    (skipped,) = [cell for cell in notebook.cells if "fetch_the_internet" in cell.source]
    assert skipped.cell_type == "markdown"
    assert "needs a download that the tests cannot make" in skipped.source
    assert "```python\nweights = fetch_the_internet()\n```" in skipped.source


def test_a_backend_tab_runs_on_its_backend_only(site):
    tabs = [cell for cell in code_cells(read_notebook(site)) if "tab" in cell.source]
    assert len(tabs) == 3
    for cell, backend in zip(tabs, ("jax", "tensorflow", "torch"), strict=True):
        assert f"if keras.config.backend() == {backend!r}:\n    which = " in cell.source
    for backend in ("jax", "tensorflow", "torch"):  # run each guarded cell as that backend
        names = {}
        for cell in tabs:
            code = cell.source.replace("import keras", "").replace(
                "keras.config.backend()", repr(backend)
            )
            exec(code, names)
        assert names["which"] == f"{backend} tab"


def test_a_track_without_code_has_its_title_and_backend_cell(site):
    notebook = read_notebook(site, "notebooks/02-empty.ipynb")
    assert [cell.cell_type for cell in notebook.cells] == ["markdown", "markdown", "code"]


def test_building_twice_gives_the_same_bytes(build_root, site):
    again = build_root(ROOT_NAME, "html")
    for name in ("01-demo.ipynb", "02-empty.ipynb"):
        assert again.page(f"notebooks/{name}") == site.page(f"notebooks/{name}")


def test_a_tab_block_with_a_string_over_lines_keeps_its_string():
    code = 'text = """a\nb"""\nprint(text)'
    guarded = cells.backend_guard(code, "torch")
    names = {"keras": type("K", (), {"config": type("C", (), {"backend": lambda: "torch"})})}
    exec(guarded.replace("import keras\n", ""), names)
    assert names["text"] == "a\nb"


@pytest.mark.parametrize(
    "text", ["plain", "a\\nb 'quoted' \"double\"", "ends with '", "'''triple'''", 'x = "\\t"\n']
)
def test_embedded_sources_are_exact(text):
    assert ast.literal_eval(cells.string_literal(text)) == text


# ---- the links on the page -----------------------------------------------------------------------


def links(page: str) -> str:
    found = re.findall(r'<p class="kq-notebook-links[^"]*">.*?</p>', page, re.S)
    assert len(found) == 1, found
    return found[0]


def test_the_track_page_links_its_notebook_under_the_title(site):
    page = site.page("tracks/01-demo.html")
    paragraph = links(page)
    assert "Run this track as a notebook:" in paragraph
    assert 'href="../notebooks/01-demo.ipynb" download="01-demo.ipynb"' in paragraph
    assert "colab" not in paragraph.lower()  # not configured
    assert page.index("Examples verified with") < page.index("kq-notebook-links")
    assert page.index("kq-notebook-links") < page.index("Some words before the code")
    assert "kq-notebook-links" not in site.page("index.html")
    assert "ipynb" not in site.page("searchindex.js")  # no-search
    assert broken_links(site.outdir) == []


def test_dirhtml_links_from_its_folder(build_root):
    done = build_root(ROOT_NAME, "dirhtml")
    assert done.returncode == 0 and done.warnings == ""
    paragraph = links(done.page("tracks/01-demo/index.html"))
    assert 'href="../../notebooks/01-demo.ipynb"' in paragraph
    assert (done.outdir / DEMO).is_file()
    assert broken_links(done.outdir) == []


def test_open_in_colab_when_the_repository_is_configured(build_root):
    done = build_root(
        ROOT_NAME, "html", overrides={"kq_notebook_repository": "kq-org/kq-repo@main"}
    )
    assert done.returncode == 0 and done.warnings == ""
    paragraph = links(done.page("tracks/01-demo.html"))
    assert f'href="{COLAB}"' in paragraph and ">Open in Colab</a>" in paragraph


def test_a_malformed_repository_warns_and_gives_no_colab_link(build_root):
    done = build_root(ROOT_NAME, "html", overrides={"kq_notebook_repository": "kq-repo"})
    assert "kq_notebook_repository = 'kq-repo' is not 'owner/repo@branch'" in done.warnings
    assert "[notebooks.config]" in done.warnings
    assert done.warnings.count("WARNING") == 1
    assert "Open in Colab" not in done.page("tracks/01-demo.html")


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("owner/repo@main", ("owner", "repo", "main")),
        ("keras-quest/keras.quest_2@release/1.0", ("keras-quest", "keras.quest_2", "release/1.0")),
        ("owner/repo", None),
        ("owner/repo@", None),
        ("-owner/repo@main", None),
        ("owner/repo@main branch", None),
        ("https://github.com/owner/repo@main", None),
        ("owner/repo@a..b", None),
    ],
)
def test_repository_values(value, parsed):
    repository = parse_repository(value)
    got = (repository.owner, repository.repo, repository.branch) if repository else None
    assert got == parsed


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "text", "latex"])
def test_other_builders_get_neither_notebooks_nor_links(build_root, builder):
    done = build_root(ROOT_NAME, builder)
    assert done.returncode == 0, done.warnings
    assert not (done.outdir / "notebooks").exists()
    written = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in done.outdir.rglob("*")
        if path.suffix in (".html", ".xhtml", ".txt", ".tex")
    )
    assert "Run this track as a notebook" not in written


# ---- the exercises and their checks, without Keras --------------------------------------------


@pytest.fixture
def fake_keras(monkeypatch):
    """The setup cell seeds Keras before a check; these tests need no real Keras for that."""
    seeds = []
    keras = types.ModuleType("keras")
    keras.utils = types.SimpleNamespace(set_random_seed=seeds.append)
    monkeypatch.setitem(sys.modules, "keras", keras)
    return seeds


def run_cells(notebook, names: dict, *tags: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        for cell in code_cells(notebook):
            if set(tags) & set(cell.metadata.get("tags", [])):
                exec(cell.source, names)
    return out.getvalue()


def test_an_exercise_is_its_task_starter_and_check_after_the_page_code(site):
    notebook = read_notebook(site)
    task, starter, check = notebook.cells[-3:]
    assert task.source == (
        "### Exercise: Double a number\n\n"
        "Write a function `double(x)` that returns **twice** `x`:\n\n"
        "- for `2`, it returns `4`;\n- it never squares."
    )
    assert starter.source == "def double(x):\n    return x"
    assert starter.metadata.tags == [cells.TAG_STARTER]
    assert check.source == "kq_check('t1-double')"
    assert check.metadata.kq == {"exercise": "t1-double"}
    assert "## Exercises" in notebook.cells[-4].source


def test_the_setup_cell_is_collapsed_and_comes_before_the_page_code(site):
    notebook = read_notebook(site)
    setup = code_cells(notebook)[1]
    assert cells.TAG_SETUP in setup.metadata.tags
    assert setup.metadata.jupyter == {"source_hidden": True}
    assert setup.metadata.cellView == "form"
    assert setup.source.startswith("# @title ")
    assert "from kq.checking import" not in setup.source  # the import line is taken out
    assert "import keras" not in setup.source.split("def kq_check")[0]  # not when it runs
    assert code_cells(notebook)[2].source.startswith('greeting = "hello"')
    assert "kq-check-setup" not in read_notebook(site, "notebooks/02-empty.ipynb").cells


def test_the_check_says_not_yet_to_the_starter_and_passes_a_solution(site, fake_keras):
    notebook = read_notebook(site)
    names = {"__name__": "__main__"}
    said = run_cells(notebook, names, cells.TAG_SETUP, cells.TAG_STARTER, cells.TAG_CHECK)
    assert said.startswith("✗ Not yet: `double(2)` should be 4.")
    assert "tracks/01-demo.html#a-section" in said
    assert fake_keras == [cells.SEED]
    exec("def double(x):\n    return 2 * x\n", names)
    said = run_cells(notebook, names, cells.TAG_CHECK)
    assert said.startswith("✓ Passed: “Double a number”.")
    assert re.search(r"KQ-\w{4}-\w{4}", said)


def test_the_check_never_raises(fake_keras):
    broken = cells.NotebookExercise(
        id="t1-broken", title="Broken", task="", starter="", check="def check(answer):\n  1/0\n"
    )
    double = cells.NotebookExercise(
        id="t1-double",
        title="Double",
        task="",
        starter="",
        check="def check(answer):\n  answer.double\n",
    )
    track = cells.Track("Track 1: Demo", "https://example.org/tracks/01-demo.html", "01-demo")
    checking = (ROOT / "kq" / "checking.py").read_text(encoding="utf-8")
    notebook = cells.build_notebook(track, [], [double, broken], checking_source=checking)
    nbformat.validate(notebook)
    names = {"__name__": "__main__"}
    run_cells(notebook, names, cells.TAG_SETUP)
    said = run_cells(notebook, names, cells.TAG_CHECK)  # nothing defined yet
    assert "Your answer defines no `double`" in said
    assert "ZeroDivisionError" in said and "could not run" not in said
    out = io.StringIO()
    with redirect_stdout(out):
        exec("kq_check('t1-nope')", names)
    assert "has no exercise 't1-nope'; its exercises: t1-double, t1-broken" in out.getvalue()


# ---- every notebook of the course runs, on every backend -----------------------------------------


def _track_files() -> list[str]:
    """Track file names (``03-ops``), from the folder: collection starts no Sphinx."""
    tracks = DOCS / "tracks"
    return sorted(
        path.name.removesuffix(".md")
        for path in tracks.iterdir()
        if re.match(r"^\d{2}-[a-z0-9-]+(\.md)?$", path.name)
        and (path.suffix == ".md" or path.is_dir())
    )


TRACKS = _track_files()
#: Each track's notebook runs on one backend, the backends taking turns down the course, so each
#: backend runs a third of the notebooks and every notebook runs once. The code in them is the
#: pages' code, which the examples lane runs on every backend; what a notebook adds (the backend
#: cell, the guarded tab blocks, the carried checker) is the same on each. Running each notebook
#: on all three backends cost about 200 s more of CI for no new failure it could catch;
#: ``KQ_NOTEBOOKS_EVERY_BACKEND=1`` still runs all of them (say, before changing cells.py).
EVERY_BACKEND = os.environ.get("KQ_NOTEBOOKS_EVERY_BACKEND") == "1"


def notebook_runs(tracks: list[str], every_backend: bool = EVERY_BACKEND) -> list[tuple[str, str]]:
    if every_backend:
        return [(backend, track) for backend in RUN_BACKENDS for track in tracks]
    return [(RUN_BACKENDS[index % len(RUN_BACKENDS)], track) for index, track in enumerate(tracks)]


RUNS = notebook_runs(TRACKS)


def test_the_notebook_runs_cover_every_track_and_every_backend():
    runs = notebook_runs(TRACKS, every_backend=False)
    assert sorted(track for _, track in runs) == TRACKS
    assert {backend for backend, _ in runs} == set(RUN_BACKENDS)
    assert len(notebook_runs(TRACKS, every_backend=True)) == len(TRACKS) * len(RUN_BACKENDS)


def _selected(session) -> list[tuple[str, str]]:
    chosen = []
    for item in session.items:
        if getattr(item, "originalname", None) == "test_notebook_runs":
            params = item.callspec.params
            chosen.append((params["backend"], params["track"]))
    return chosen


def _solutions() -> dict[str, str]:
    try:
        from kq.exercise import load_all
    except ImportError:
        return {}
    return {exercise.id: exercise.solution.read_text(encoding="utf-8") for exercise in load_all()}


SOLVED = "kq-test-solved"


def add_solutions(solutions: dict[str, str]):
    """After each check cell: run the reference solution, then the check again (test only)."""

    def patch(notebook) -> None:
        for index in range(len(notebook.cells) - 1, -1, -1):
            cell = notebook.cells[index]
            if cells.TAG_CHECK not in cell.metadata.get("tags", []):
                continue
            exercise = cell.metadata["kq"]["exercise"]
            code = f"exec(compile({solutions[exercise]!r}, 'solution.py', 'exec'))\n{cell.source}"
            solved = nbformat.v4.new_code_cell(code, metadata={"tags": [SOLVED]})
            notebook.cells.insert(index + 1, solved)

    return patch


@pytest.fixture(scope="module")
def executions(request, whole_course):
    """Every selected (backend, track) executed, two at a time; the wall time is reported."""
    from extensions.notebooks.execute import execute_all

    folder = whole_course.outdir / "notebooks"
    if not folder.is_dir():
        pytest.fail(
            "the course built no notebooks: is extensions.notebooks in conf.py's extensions?",
            pytrace=False,
        )
    chosen = _selected(request.session)
    # The longest first, so the last minutes are not spent on one notebook alone.
    heavy = {"13-tuning": 0, "10-convnets": 1, "11-sequences": 2, "15-export": 3}
    chosen.sort(key=lambda run: (heavy.get(run[1], 9), RUN_BACKENDS.index(run[0])))
    jobs = [(folder / f"{track}.ipynb", backend) for backend, track in chosen]
    started = time.perf_counter()
    results = execute_all(jobs, patch=add_solutions(_solutions()))
    wall = time.perf_counter() - started
    report = request.config.pluginmanager.get_plugin("terminalreporter")
    if report is not None:
        busy = sum(result.seconds for result in results)
        cpu = sum(result.cpu or 0 for result in results)
        report.write_line(
            f"notebooks: {len(results)} executed in {wall:.0f} s wall, two at a time "
            f"({busy:.0f} s of kernels, {cpu:.0f} s of their CPU; "
            f"load average {os.getloadavg()[0]:.1f})"
        )
    return {(result.backend, result.notebook.stem): result for result in results}


@pytest.mark.ml_stack
@pytest.mark.slow
@pytest.mark.parametrize(("backend", "track"), RUNS, ids=[f"{b}:{t}" for b, t in RUNS])
def test_notebook_runs(executions, backend, track):
    result = executions[(backend, track)]
    if result.error:
        pytest.fail(
            f"notebooks/{track}.ipynb on {backend} failed at cell {result.cell} "
            f"(of {result.cells}):\n{result.error}",
            pytrace=False,
        )
    for index, cell in enumerate(result.executed.cells):
        tags = cell.metadata.get("tags", [])
        said = cell_text(cell, streams=("stdout",)) if cell.cell_type == "code" else ""
        if cells.TAG_CHECK in tags:
            exercise = cell.metadata["kq"]["exercise"]
            verdicts = [line for line in said.splitlines() if line.startswith(("✓", "✗"))]
            assert verdicts and verdicts[-1].startswith(("✗ Not yet", "✗ Error")), (
                f"notebooks/{track}.ipynb on {backend}: the starter of {exercise} should fail "
                f"its check with a hint (cell {index}): {said}"
            )
        if SOLVED in tags:
            verdicts = [line for line in said.splitlines() if line.startswith(("✓", "✗"))]
            assert verdicts and verdicts[-1].startswith("✓ Passed"), (
                f"notebooks/{track}.ipynb on {backend}: the reference solution does not pass "
                f"its check in the notebook (cell {index}): {said}"
            )


# ---- the committed copies that "Open in Colab" opens ---------------------------------------------


def _configured_repository() -> str | None:
    import runpy

    return runpy.run_path(str(ROOT / "conf.py")).get("kq_notebook_repository")


def test_committed_notebooks_are_the_built_ones(whole_course):
    """With ``kq_notebook_repository`` set, Colab opens ``notebooks/`` of the repository: those
    copies must be what the course builds now (``make notebooks`` writes them)."""
    committed = {path.name: path for path in (ROOT / "notebooks").glob("*.ipynb")}
    if not _configured_repository():
        assert committed == {}, "notebooks/ is committed, but no Colab link opens it"
        return
    built = {path.name: path for path in (whole_course.outdir / "notebooks").glob("*.ipynb")}
    assert sorted(committed) == sorted(built), "run `make notebooks` and commit notebooks/"
    stale = [
        name for name, path in built.items() if path.read_bytes() != committed[name].read_bytes()
    ]
    assert stale == [], f"notebooks/ is out of date ({', '.join(stale)}): run `make notebooks`"


# ---- warnings ------------------------------------------------------------------------------------


def test_every_warning_goes_through_the_enumeration():
    """No ``logger.warning(...)`` of our own: each warning is ``warn(Subtype.X, ...)``."""
    folder = ROOT / "extensions" / "notebooks"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr != "warning", f"{path.name}:{node.lineno}: use warn()"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "warn":
                first = node.args[0]
                assert isinstance(first, ast.Attribute) and first.value.id == "Subtype", (
                    f"{path.name}:{node.lineno}"
                )


def test_the_warnings_table_lists_every_subtype(build_root):
    from extensions.notebooks.warning_types import Subtype

    page = "# Warnings\n\n```{kq-warnings} notebooks\n```\n"
    done = build_root(
        ROOT_NAME,
        "text",
        pages={"index.md": page + "\n```{toctree}\ntracks/01-demo\ntracks/02-empty\n```\n"},
    )
    assert done.returncode == 0 and done.warnings == ""
    text = done.page("index.txt")
    for subtype in Subtype:
        assert f"notebooks.{subtype.value}" in text


def test_notebooks_execute_beside_a_running_event_loop():
    """Playwright's sync API leaves an event loop running in the test session's thread; the
    executions must not need that thread's loop (CI ran the browser tests first, and every
    notebook failed with "asyncio.run() cannot be called from a running event loop")."""
    import asyncio
    import concurrent.futures

    from extensions.notebooks.execute import execute_all

    async def inside_a_loop():
        return execute_all([], 1)

    # The test's own loop runs in a thread of its own: this one may hold Playwright's already.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, inside_a_loop()).result() == []
