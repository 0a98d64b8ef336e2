"""A track's notebook, cell by cell, from its run plans and its exercises. Pure: no Sphinx.

The cells, in order:

1. the title (markdown): the track, a link to its page, the Keras version the code was verified
   with and, when the page imports more than Keras and a backend, the ``pip`` line that installs
   the rest;
2. how to choose a backend (markdown), then the cell that chooses it, before anything imports
   Keras: ``os.environ.setdefault("KERAS_BACKEND", "jax")``, so a ``KERAS_BACKEND`` set outside
   (a test, a shell) wins;
3. when the track has code exercises, the checker's setup cell (collapsed: Jupyter's
   ``source_hidden``, Colab's ``cellView: form``). It carries the source of ``kq/checking.py``
   and each exercise's ``check.py`` as strings and defines ``kq_check(exercise_id)``; nothing of
   our package need be installed, and the cell imports no Keras;
4. the page's visible runnable blocks in page order. A hidden claim check (``{claim}``) is left
   out: no reader sees it on the page either. A block of one backend's tab runs under
   ``if keras.config.backend() == "<backend>":``, so the notebook runs top to bottom on any
   backend, as the example runner runs the page. A block with a skip marker becomes markdown
   that gives the reason and shows the code as text;
5. per code exercise: its title and task (markdown), the starter code, and a check cell
   ``kq_check("<id>")``, which prints the verdict and never raises, so a notebook whose
   exercises are still unsolved runs to its end.

Cell ids are made from the cells' content, so building the same notebook twice gives the same
bytes (the committed copies under ``notebooks/`` can be compared with a fresh build).
"""

from __future__ import annotations

import ast
import hashlib
import io
import re
import sys
import textwrap
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where a notebook is made, not with the extension: nbformat brings jsonschema
    # (about a tenth of a second), which a build that writes no notebook (text, LaTeX, EPUB)
    # never needs.
    import nbformat

#: The one line of a ``check.py`` that imports our package (``kq.exercise.CHECK_IMPORT``); the
#: setup cell leaves it out and provides ``Hint``, ``require`` and ``calling`` itself.
CHECK_IMPORT = re.compile(r"^from kq\.checking import [A-Za-z_, ]+$")
#: What the checks run under: ``kq.runner.SEED``, so a notebook checks as ``kq check`` does.
SEED = 1234
#: Cell tags, so a tool (and the test) can find the cells of each kind.
TAG_BACKEND = "kq-backend"
TAG_SETUP = "kq-check-setup"
TAG_EXAMPLE = "kq-example"
TAG_STARTER = "kq-starter"
TAG_CHECK = "kq-check"
#: Backends the notebook knows, as the page's backend tabs name them.
BACKENDS = ("jax", "tensorflow", "torch")
DEFAULT_BACKEND = "jax"

#: Modules a page may import that are not installed by the name they are imported by.
DISTRIBUTIONS = {
    "keras_hub": "keras-hub",
    "keras_nlp": "keras-nlp",
    "keras_tuner": "keras-tuner",
    "keras_rs": "keras-rs",
    "tf_keras": "tf-keras",
    "sklearn": "scikit-learn",
    "orbax": "orbax-checkpoint",
    "ai_edge_litert": "ai-edge-litert",
    "litert_torch": "litert-torch",
    "PIL": "pillow",
    "yaml": "pyyaml",
}
#: Installed with every backend (or the backends themselves): the pip line never names them.
NOT_NAMED = frozenset({"keras", "numpy", "jax", "jaxlib", "tensorflow", "torch"})


@dataclass(frozen=True)
class NotebookExercise:
    """What a notebook needs of one code exercise."""

    id: str
    title: str
    task: str  # Markdown
    starter: str
    check: str  # the source of its check.py


@dataclass(frozen=True)
class Track:
    """What a notebook needs of its track."""

    title: str
    url: str  # of the track's page
    file_name: str  # "03-ops" (the notebook is 03-ops.ipynb)
    keras_version: str = ""
    site_url: str | None = None  # base of the links a check's hint prints
    seed: int = SEED  # set before each check, as kq's runner does


def build_notebook(
    track: Track,
    blocks: Iterable[dict],
    exercises: Iterable[NotebookExercise] = (),
    checking_source: str = "",
) -> nbformat.NotebookNode:
    """The notebook of ``track``: see the module's docstring for its cells."""
    blocks = [block for block in blocks if not block.get("hidden")]
    exercises = list(exercises)
    cells = [title_cell(track, blocks), *backend_cells(track)]
    if exercises:
        cells.append(setup_cell(exercises, checking_source, track.site_url, track.seed))
    cells.extend(block_cell(block) for block in blocks)
    if exercises:
        cells.append(_markdown_cell(EXERCISES_INTRO))
        for exercise in exercises:
            cells.extend(exercise_cells(exercise))
    import nbformat  # noqa: PLC0415  (see the imports at the top)
    from nbformat import v4  # noqa: PLC0415

    notebook = nbformat.from_dict(
        {
            "nbformat": v4.nbformat,
            "nbformat_minor": v4.nbformat_minor,
            "cells": cells,
            "metadata": {
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                "language_info": {"name": "python"},
                "colab": {"name": f"{track.file_name}.ipynb", "provenance": []},
            },
        }
    )
    _stable_ids(notebook)
    nbformat.validate(notebook)  # once, for the whole notebook (see _code_cell)
    return notebook


# nbformat's ``v4.new_code_cell`` and ``new_markdown_cell`` validate each cell against the JSON
# schema as they make it: with a few hundred cells in the course, that was half the time the
# notebooks cost the build. The cells are made here with the same fields, and build_notebook
# validates each notebook once; _stable_ids gives every cell its id.


def _code_cell(source: str) -> nbformat.NotebookNode:
    import nbformat  # noqa: PLC0415

    return nbformat.from_dict(
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": source,
        }
    )


def _markdown_cell(source: str) -> nbformat.NotebookNode:
    import nbformat  # noqa: PLC0415

    return nbformat.from_dict({"cell_type": "markdown", "metadata": {}, "source": source})


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    """The file's text: nbformat's own layout, with a final newline."""
    import nbformat  # noqa: PLC0415

    return nbformat.writes(notebook, version=4).rstrip("\n") + "\n"


# ---- the cells -----------------------------------------------------------------------------------


def title_cell(track: Track, blocks: list[dict]) -> nbformat.NotebookNode:
    lines = [
        f"# {track.title}",
        "",
        f"The runnable code of the Keras Quest page [{track.title}]({track.url}), in the order "
        "the page shows it, and its code exercises, each with a cell that checks your answer. "
        "Read the page for the explanations; run this notebook from top to bottom.",
    ]
    if track.keras_version:
        lines += ["", f"The code was verified with Keras {track.keras_version}."]
    extra = distributions(blocks)
    if extra or track.keras_version:
        pins = [f"keras=={track.keras_version}"] if track.keras_version else []
        lines += [
            "",
            "If your environment lacks what the code imports, install it first (Colab has a "
            "backend, NumPy and a Keras 3 already), then restart the kernel:",
            "",
            "```",
            "%pip install " + " ".join([*pins, *extra]),
            "```",
        ]
    return _markdown_cell("\n".join(lines))


BACKEND_NOTE = """\
## Choose a backend

Keras 3 runs the same code on JAX, TensorFlow or PyTorch. The next cell chooses the backend
before Keras is imported: to use another, change `"jax"` to `"tensorflow"` or `"torch"` and
restart the kernel (the backend is fixed once Keras is imported). A `KERAS_BACKEND` set in the
environment before the notebook starts takes precedence.

Where the page shows the same step in one tab per backend, this notebook has a cell per tab,
and each runs only on its own backend."""

BACKEND_CODE = """\
import os

# "jax", "tensorflow" or "torch"; set it before anything imports Keras.
os.environ.setdefault("KERAS_BACKEND", "{default}")

import keras

print(f"Keras {{keras.__version__}} on the {{keras.config.backend()}} backend")"""


def backend_cells(track: Track) -> list[nbformat.NotebookNode]:
    code = _code_cell(BACKEND_CODE.format(default=DEFAULT_BACKEND))
    code.metadata["tags"] = [TAG_BACKEND]
    return [_markdown_cell(BACKEND_NOTE), code]


def block_cell(block: dict) -> nbformat.NotebookNode:
    code = block["code"].rstrip("\n")
    if block.get("skip") is not None:
        reason = block["skip"].strip() or "the page marks it as not run"
        text = f"*Not run in this notebook: {_sentence(reason)}* The page shows this code:\n\n"
        return _markdown_cell(text + fence(code, "python"))
    backend = block.get("backend")
    cell = _code_cell(backend_guard(code, backend) if backend else code)
    cell.metadata["tags"] = [TAG_EXAMPLE]
    return cell


def backend_guard(code: str, backend: str) -> str:
    """``code`` run only on ``backend``: indented under an ``if``, or, where indenting would
    change a string that spans lines, handed to ``exec`` unchanged."""
    head = (
        f"# The {backend} tab of the page: it runs on the {backend} backend only.\n"
        "import keras\n\n"
        f"if keras.config.backend() == {backend!r}:\n"
    )
    if _indent_safe(code):
        return head + textwrap.indent(code, "    ")
    return head + f"    exec({code!r}, globals())"


EXERCISES_INTRO = """\
## Exercises

Write your answer in the cell under each task (it holds the starter code), run it, then run the
check cell under it. The check says what is still wrong and where the course teaches it, or, once
your answer passes, prints a completion code: paste it into the exercise on the course page to
mark it solved."""


def exercise_cells(exercise: NotebookExercise) -> list[nbformat.NotebookNode]:
    task = exercise.task.strip()
    title = _markdown_cell(f"### Exercise: {exercise.title}\n\n{task}".rstrip())
    starter = _code_cell(exercise.starter.rstrip("\n"))
    starter.metadata["tags"] = [TAG_STARTER]
    starter.metadata["kq"] = {"exercise": exercise.id}
    check = _code_cell(f"kq_check({exercise.id!r})")
    check.metadata["tags"] = [TAG_CHECK]
    check.metadata["kq"] = {"exercise": exercise.id}
    return [title, starter, check]


SETUP_CODE = '''\
# @title Checks for this notebook's exercises (run it; no need to read it)
# It defines kq_check(exercise_id), which checks your answer to an exercise against the
# names this notebook defines. Below: the source of Keras Quest's checker and of each
# exercise's check, so nothing else needs to be installed.
import sys as _kq_sys
import types as _kq_types

_KQ_CHECKING = {checking}

_KQ_EXERCISES = {{
{exercises}}}

_KQ_SITE = {site!r}
_KQ_SEED = {seed!r}


def _kq_checker():
    module = _kq_sys.modules.get("kq_notebook_checking")
    if module is None:
        module = _kq_types.ModuleType("kq_notebook_checking")
        _kq_sys.modules[module.__name__] = module
        exec(compile(_KQ_CHECKING, "kq/checking.py", "exec"), module.__dict__)
    return module


def kq_check(exercise_id):
    """Check your answer to one exercise and print what the check says; never raises."""
    if exercise_id not in _KQ_EXERCISES:
        known = ", ".join(_KQ_EXERCISES)
        print(f"This notebook has no exercise {{exercise_id!r}}; its exercises: {{known}}")
        return
    title, source = _KQ_EXERCISES[exercise_id]
    try:
        checking = _kq_checker()
        check = {{
            "__name__": "kq_check_" + exercise_id.replace("-", "_"),
            "Hint": checking.Hint,
            "require": checking.require,
            "calling": checking.calling,
        }}
        exec(compile(source, f"kq/exercises/{{exercise_id}}/check.py", "exec"), check)
        answer = {{name: value for name, value in globals().items() if not name.startswith("_")}}
        import keras

        keras.utils.set_random_seed(_KQ_SEED)  # as `kq check` does: the same data every time
        result = checking.run_check(check, answer, exercise_id)
        print(checking.format_result(result, base_url=_KQ_SITE, title=title))
    except Exception as error:  # the check itself failed: say so, and let the notebook go on
        print(f"✗ The check could not run: {{type(error).__name__}}: {{error}}")
'''


def setup_cell(
    exercises: list[NotebookExercise], checking_source: str, site_url: str | None, seed: int = SEED
) -> nbformat.NotebookNode:
    # Only a literal's first line is indented: its other lines are the source, character for
    # character.
    entries = "".join(
        f"    {exercise.id!r}: (\n"
        f"        {exercise.title!r},\n"
        f"        {string_literal(without_check_import(exercise.check))},\n"
        "    ),\n"
        for exercise in exercises
    )
    code = SETUP_CODE.format(
        checking=string_literal(checking_source), exercises=entries, site=site_url, seed=seed
    )
    ast.parse(code)  # a broken cell is our bug: fail the build here, not in a learner's notebook
    cell = _code_cell(code.rstrip("\n"))
    cell.metadata["tags"] = [TAG_SETUP]
    cell.metadata["jupyter"] = {"source_hidden": True}
    cell.metadata["cellView"] = "form"  # Colab: show the @title line only
    return cell


# ---- helpers -------------------------------------------------------------------------------------


def without_check_import(source: str) -> str:
    """``check.py`` without its one import of ``kq.checking`` (the setup cell gives those names)."""
    kept = [line for line in source.splitlines() if not CHECK_IMPORT.match(line.strip())]
    return "\n".join(kept) + "\n"


def string_literal(text: str) -> str:
    """A Python literal for ``text``, readable: triple-quoted over its lines where that is exact."""
    body = text.replace("\\", "\\\\").replace("'''", "\\'\\'\\'")
    if body.endswith("'"):
        body = body[:-1] + "\\'"
    literal = "'''" + body + "'''"
    try:
        if ast.literal_eval(literal) == text:
            return literal
    except (SyntaxError, ValueError):
        pass
    return repr(text)


def fence(code: str, language: str = "") -> str:
    ticks = "```"
    while ticks in code:
        ticks += "`"
    return f"{ticks}{language}\n{code}\n{ticks}"


def distributions(blocks: list[dict]) -> list[str]:
    """What ``pip`` installs the modules the runnable blocks import, besides Keras and NumPy."""
    names: list[str] = []
    for block in blocks:
        if block.get("skip") is not None:
            continue
        try:
            tree = ast.parse(block["code"])
        except SyntaxError:
            continue
        for node in _statements(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in NOT_NAMED:
                    continue
                name = DISTRIBUTIONS.get(top, top.replace("_", "-"))
                if name not in names:
                    names.append(name)
    return sorted(names)


def _statements(tree: ast.AST):
    """Every statement in ``tree``, nested ones too, without walking into expressions (an import
    is a statement; ``ast.walk`` visited every name and call, most of what this cost)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                stack.extend(reversed(children))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _indent_safe(code: str) -> bool:
    """True when indenting every line of ``code`` changes no string (none spans lines)."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.start[0] != token.end[0] and token.type not in (
                tokenize.NEWLINE,
                tokenize.NL,
                tokenize.COMMENT,
            ):
                return False
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return False
    return True


_ID_CHARS = re.compile(r"[^a-zA-Z0-9-_]")


def _stable_ids(notebook: nbformat.NotebookNode) -> None:
    """Cell ids from the cells' kind and text: the same notebook always gets the same ids."""
    seen: set[str] = set()
    for cell in notebook.cells:
        digest = hashlib.sha1(f"{cell.cell_type}\n{cell.source}".encode()).hexdigest()[:12]
        cell_id, number = digest, 1
        while cell_id in seen:
            number += 1
            cell_id = f"{digest}-{number}"
        seen.add(cell_id)
        cell.id = _ID_CHARS.sub("-", cell_id)
