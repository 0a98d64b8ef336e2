"""Contributor workflow: the course lint, the new-track scaffold and the internal link check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, sphinx_build

sys.path.insert(0, str(ROOT))
from tools import check_links, new_track  # noqa: E402


# ---- course lint -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def lint_warnings(rootdir, tmp_path_factory):
    work = tmp_path_factory.mktemp("lint")
    returncode, _out, stderr = sphinx_build(rootdir / "test-courselint", work / "html", "html")
    assert returncode == 0, stderr
    return stderr


def _lines_for(warnings: str, subtype: str) -> list[str]:
    return [line for line in warnings.splitlines() if line.endswith(f"[course.{subtype}]")]


#: One page of tests/roots/test-courselint breaks each rule: (rule, where, part of the advice).
#: The second field is not called ``page``: that name is Playwright's fixture, and would give these
#: tests a browser parameter that splits them from the rest of the module (building it twice).
LINT_CASES = [
    ("objectives", "tracks/02-no-objectives.md:1", "'## Learning objectives'"),
    ("exercise", "tracks/03-no-exercise.md:1", ":::{exercise}"),
    ("quiz", "tracks/04-no-quiz.md:1", "::::{quiz}"),
    ("toctree", "tracks/05-not-in-toc.md:1", "add 'tracks/05-not-in-toc' to the 'Tracks'"),
    ("track-number", "tracks/06-second.md:1", "renumber one"),
    ("track-slug", "tracks/12-first.md:1", "share the slug 'first'; learners' progress is"),
    ("track-name", "tracks/Bad_Name.md:1", "rename it like"),
    ("orphan", "notes.md:1", "add it to a toctree"),
    ("todo", "tracks/07-todo.md:17", "still holds a TODO from the track template"),
    ("description", "tracks/08-long-description.md:2", "shorten it to one sentence under 160"),
    ("summary", "tracks/09-no-summary.md:1", "add a section '## Summary'"),
    ("raw-html", "tracks/10-raw-html.md:19", "raw_html_reviewed: <who reviewed it"),
]


@pytest.mark.parametrize(("subtype", "where", "advice"), LINT_CASES)
def test_each_lint_rule_names_file_line_and_fix(lint_warnings, subtype, where, advice):
    lines = _lines_for(lint_warnings, subtype)
    assert len(lines) == 1, lint_warnings
    assert where in lines[0] and advice in lines[0]


def test_every_rule_in_the_enumeration_has_a_page_that_breaks_it():
    from extensions.courselint.warning_types import Subtype

    cases = [case[0] for case in LINT_CASES] + list(FLOOR_RULES)
    assert sorted(cases) == sorted(rule.value for rule in Subtype)


# ---- the course's floors: claim checks per backend, misconception tags -------------------------

#: The rules that need the course's floors (conf.py) and the examples extension.
FLOOR_RULES = ("claims", "misconceptions", "code-exercises")

FLOOR_TRACK = """---
description: A track with one claim on every backend, one more on PyTorch, and one tag.
---

# Track: 01-floors

## Learning objectives

- one

## Body

% example: claim Two plus two is four.
```python
assert 2 + 2 == 4
```

```{claim} On PyTorch the sum is still four.
:backend: torch
assert sum([2, 2]) == 4
```

:::{exercise}
:label: ex-01-floors

Do it.
:::

## Summary

- one point

## Quiz

:::::{quiz}
::::{question}
:id: q-01-floors

Pick one.

- [x] yes
- [ ] no
  {misconception}`always-no`

:::{explanation}
Because.
:::
::::
:::::
"""

FLOOR_CONF = """extensions = ["myst_parser", "sphinx_exercise", "extensions.quiz",
              "extensions.examples", "extensions.courselint"]
myst_enable_extensions = ["colon_fence", "tasklist"]
exclude_patterns = ["_build"]
courselint_min_claims = {claims}
courselint_min_misconceptions = {tags}
"""

FLOOR_INDEX = "# Home\n\n```{toctree}\n:caption: Tracks\n\ntracks/01-floors\n```\n"


def _floor_build(build_root, claims: int, tags: int):
    pages = {
        "conf.py": FLOOR_CONF.format(claims=claims, tags=tags),
        "index.md": FLOOR_INDEX,
        "tracks/01-floors.md": FLOOR_TRACK,
    }
    return build_root(None, "html", pages=pages)


def test_a_track_under_the_course_floors_is_told_what_to_add(build_root):
    done = _floor_build(build_root, claims=2, tags=2)
    claims = _lines_for(done.warnings, "claims")
    tags = _lines_for(done.warnings, "misconceptions")
    assert len(claims) == 1 and len(tags) == 1, done.warnings
    # PyTorch runs both claims; JAX and TensorFlow only the one without a backend.
    assert "tracks/01-floors.md:1" in claims[0]
    assert "runs 1 on JAX, 1 on TensorFlow, and the course asks for at least 2" in claims[0]
    assert "PyTorch" not in claims[0] and "% example: claim <the sentence>" in claims[0]
    assert "tags 1 quiz options with a misconception" in tags[0]
    assert "at least 2" in tags[0]


def test_a_track_without_its_code_exercises_is_told_how_to_add_them(build_root):
    pages = {
        "conf.py": FLOOR_CONF.format(claims=0, tags=0) + "courselint_min_code_exercises = 2\n",
        "index.md": FLOOR_INDEX,
        "tracks/01-floors.md": FLOOR_TRACK,
    }
    done = build_root(None, "html", pages=pages)
    (line,) = _lines_for(done.warnings, "code-exercises")
    assert "tracks/01-floors.md:1" in line
    assert "has 0 code exercise(s), and the course asks for at least 2" in line
    assert "':::{code-exercise} <id>'" in line


def test_a_track_that_meets_the_floors_passes(build_root):
    done = _floor_build(build_root, claims=1, tags=1)
    assert _lines_for(done.warnings, "claims") == []
    assert _lines_for(done.warnings, "misconceptions") == []


def test_a_complete_track_and_a_declared_orphan_pass_the_lint(lint_warnings):
    assert "01-complete" not in lint_warnings
    assert "11-raw-reviewed" not in lint_warnings  # raw HTML its front matter says was reviewed
    assert "alone" not in lint_warnings


# ---- new-track scaffold ----------------------------------------------------------------------
@pytest.fixture
def docs_copy(tmp_path) -> Path:
    docs = tmp_path / "docs"
    (docs / "tracks").mkdir(parents=True)
    (docs / "index.md").write_text(
        "# Course\n\n```{toctree}\n:caption: Tracks\n\ntracks/01-intro\n```\n\n"
        "```{toctree}\n:caption: Contribute\n\ncontribute\n```\n",
        encoding="utf-8",
    )
    (docs / "tracks" / "01-intro.md").write_text("# Track 1: Intro\n", encoding="utf-8")
    return docs


def _scaffold(docs: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "new_track.py"), *args, "--docs", str(docs)],
        capture_output=True,
        text=True,
    )


def test_scaffold_creates_the_next_track_and_adds_it_to_the_toctree(docs_copy):
    done = _scaffold(docs_copy, "Custom Layers & Models")
    assert done.returncode == 0, done.stderr
    page = docs_copy / "tracks" / "02-custom-layers-models.md"
    text = page.read_text(encoding="utf-8")
    assert text.splitlines()[4] == "# Track 2: Custom Layers & Models"
    assert ":id: t2-first-question" in text
    index = (docs_copy / "index.md").read_text(encoding="utf-8")
    assert "tracks/01-intro\ntracks/02-custom-layers-models\n```" in index
    assert "Next:" in done.stdout and "make check" in done.stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "give the track a name"),
        ("   ", "give the track a name"),
        ("intro", "a track named 'Intro' already exists"),
        ("!!!", "has no letters or digits"),
    ],
)
def test_scaffold_refuses_bad_names_with_a_clear_message(docs_copy, name, message):
    before = sorted(p.name for p in (docs_copy / "tracks").iterdir())
    done = _scaffold(docs_copy, name)
    assert done.returncode == 2
    assert done.stderr.startswith("new-track: ") and message in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (docs_copy / "tracks").iterdir()) == before


def test_slugs_are_plain_ascii():
    assert new_track.slugify("Données & Prétraitement ") == "donnees-pretraitement"


@pytest.mark.slow
def test_a_scaffolded_track_fails_make_check_until_its_todos_are_written(tmp_path):
    """The whole contributor path in a throw-away clone: scaffold, then `make check`."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    # The clone gets the work tree as it is now (tests run before a commit, too).
    for name in ("docs", "extensions", "tools", "tests", "bench", "kq"):
        shutil.rmtree(clone / name, ignore_errors=True)
        shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("conf.py", "pyproject.toml", "Makefile", "CONTRIBUTING.md"):
        shutil.copy2(ROOT / name, clone / name)
    git = ["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "snapshot", "--allow-empty"], check=True)
    subprocess.run([*git, "checkout", "-q", "-B", "main"], check=True)
    subprocess.run([*git, "remote", "remove", "origin"], check=True)  # the base is this main
    subprocess.run([*git, "checkout", "-q", "-b", "new-track"], check=True)

    venv = ROOT / ".venv"
    # Use the session's environment as it is: `-o` tells make not to re-install into it.
    make = [
        "make",
        "-C",
        str(clone),
        f"VENV={venv}",
        f"PYTHON={venv / 'bin' / 'python'}",
        "-o",
        f"{venv}/.installed-test",
        "-o",
        f"{venv}/.installed-docs",
        "-o",
        f"{venv}/.installed-check",
        "INSTALL_EXAMPLES=:",  # check's own install of the examples' stack, in a second make
    ]
    scaffold = subprocess.run(
        [*make, "new-track", "NAME=Graph Neural Networks"], capture_output=True, text=True
    )
    assert scaffold.returncode == 0, scaffold.stdout + scaffold.stderr
    (page,) = (clone / "docs" / "tracks").glob("*-graph-neural-networks.md")

    # Untouched, the template's TODO lines fail the check: one warning for the page, every line.
    check = subprocess.run([*make, "check"], capture_output=True, text=True)
    output = check.stdout + check.stderr
    assert check.returncode != 0
    todo_lines = [n for n, line in enumerate(page.read_text().splitlines(), 1) if "TODO" in line]
    listed = ", ".join(map(str, todo_lines))
    assert (
        f"{page.name}:{todo_lines[0]}: WARNING: {len(todo_lines)} lines still hold a TODO from "
        f"the track template (lines {listed})"
    ) in output, output

    # The text written, the check still says what the course asks of every track, before CI.
    page.write_text(page.read_text().replace("TODO: ", "Written: "), encoding="utf-8")
    check = subprocess.run([*make, "check"], capture_output=True, text=True)
    output = check.stdout + check.stderr
    assert check.returncode != 0
    assert "claim checks on each backend" in output and "[course.claims]" in output, output
    assert "[course.misconceptions]" in output, output
    assert "[course.code-exercises]" in output, output

    # With its claim checks, misconception tags and code exercises, the page passes.
    page.write_text(page.read_text() + AUTHORED_CHECKS, encoding="utf-8")
    number = int(page.stem[:2])
    for name in ("first", "second"):
        exercise = clone / "kq" / "exercises" / f"t{number}-{name}"
        shutil.copytree(EXAMPLE_EXERCISE, exercise)
        check = (exercise / "check.py").read_text()
        check = check.replace("TRACK = 7", f"TRACK = {number}")
        check = check.replace(
            "07-custom-layers#doubling-is-adding-twice", f"{page.stem}#not-a-backend"
        )
        (exercise / "check.py").write_text(check)
        with page.open("a", encoding="utf-8") as out:
            out.write(f"\n:::{{code-exercise}} t{number}-{name}\n\nWrite `double(x)`.\n:::\n")
    check = subprocess.run([*make, "check"], capture_output=True, text=True)
    output = check.stdout + check.stderr
    assert check.returncode == 0, output[-6000:]
    assert "graph-neural-networks" in output  # its examples were run as a changed page
    assert "internal links: all good" in output


#: A code exercise in plain Python (the walk copies it twice into the new track).
EXAMPLE_EXERCISE = ROOT / "tests" / "roots" / "test-exercises" / "exercises" / "t7-double"

#: What an author adds to a new track for the course's floors: eight claim checks that run on
#: every backend, and a question whose five wrong options name the mistake they reveal.
AUTHORED_CHECKS = (
    "\n(not-a-backend)=\n## Which backends Keras 3 runs on\n\nJAX, PyTorch and TensorFlow.\n"
    + "".join(
        f"\n```{{claim}} keras.ops.add of {n} and 1 gives {n + 1}.\n"
        f"import keras\nassert int(keras.ops.add({n}, 1)) == {n + 1}\n```\n"
        for n in range(8)
    )
    + "\n::::::{quiz}\n:::::{question}\n:id: t-extra-question\n:kind: single\n\n"
    "Which of these is a Keras 3 backend?\n\n- [x] JAX\n"
    + "".join(f"- [ ] Not-a-backend {n}\n  {{misconception}}`not-a-backend`\n" for n in range(5))
    + "\n::::{explanation}\nJAX, PyTorch and TensorFlow are.\n::::\n:::::\n::::::\n"
)


# ---- internal links --------------------------------------------------------------------------
def test_link_checker_reports_missing_pages_and_anchors(tmp_path):
    (tmp_path / "index.html").write_text(
        '<h1 id="top">Hi</h1>\n<a href="a.html">ok</a>\n<a href="a.html#nowhere">bad anchor</a>\n'
        '<a href="missing.html">gone</a>\n<a href="https://keras.io">external</a>\n'
        '<a href="#top">self</a>\n',
        encoding="utf-8",
    )
    (tmp_path / "a.html").write_text('<p id="here">A</p>', encoding="utf-8")
    problems = check_links.broken_links(tmp_path)
    assert problems == [
        "index.html:3: link to 'a.html#nowhere' names an anchor that a.html does not have; "
        "check the heading or label",
        "index.html:4: link to 'missing.html' points at no page; fix or remove it",
    ]
