"""Code exercises on track pages: ``{code-exercise} <id>``.

An exercise lives in ``kq/exercises/<id>/`` (read by :mod:`kq.exercise`, never imported here);
the page holds its task. The directive renders, for every builder, the exercise's title, the
task, the starter code, how to check an answer (``kq check`` or the track's notebook) and the
reference solution (closed, ``<details>``, in interactive HTML). For the interactive HTML
builders it adds the form a learner pastes a completion code into (``templates/claim.html``;
progress's script shows and wires it).

- ``exercises_by_doc(env)``: docname -> ``[{"id", "title", "xp", "code", "line"}]`` in page
  order, for the course model and the notebooks.
- Config: ``kq_exercises_dir`` (default: the package's ``kq/exercises``), ``kq_exercise_xp``
  (the XP an exercise pays unless its ``:xp:`` says otherwise).
- Warnings: ``exercises.<subtype>`` (``warning_types.py``), each at the file and line to fix.

The starter and the solution are ``literalinclude``-d, so the examples runner (which runs a
page's own blocks) leaves them to ``tests/test_exercises.py``, which runs every answer on the
three backends.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.util.docutils import SphinxDirective

from kq.checking import completion_code
from kq.exercise import EXERCISES_DIR, SEE, Exercise, load

from ..builders import html_visitors, is_interactive
from ..course import TRACKS_FOLDER, track_key
from .warning_types import Subtype, warn

__all__ = ["exercises_by_doc", "setup"]

DEFAULT_XP = 30
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


class code_exercise(nodes.General, nodes.Element):
    """One exercise: ``exercise`` (id) and ``xp``; its children are what every reader sees."""


class exercise_solution(nodes.General, nodes.Element):
    """The reference solution: closed ``<details>`` in interactive HTML, a titled block elsewhere
    (no theme widget: sphinx-design's dropdown puts an inline SVG where EPUB refuses one)."""


class exercise_claim(nodes.General, nodes.Element):
    """Where the completion-code form goes (interactive HTML only)."""


class ExercisesDomain(Domain):
    """The exercises of each document, collected like ``sphinx.ext.todo`` collects todos."""

    name = "kq-exercises"
    label = "Code exercises"
    data_version = 1
    initial_data: dict[str, Any] = {"docs": {}}

    @property
    def docs(self) -> dict[str, list[dict]]:
        return self.data.setdefault("docs", {})

    def clear_doc(self, docname: str) -> None:
        self.docs.pop(docname, None)

    def merge_domaindata(self, docnames, otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata["docs"]:
                self.docs[docname] = otherdata["docs"][docname]

    def resolve_any_xref(self, *args, **kwargs):
        return []


def exercises_by_doc(env) -> dict[str, list[dict]]:
    """docname -> its exercises in page order: ``{"id", "title", "xp", "code", "line"}``."""
    return {doc: list(entries) for doc, entries in env.get_domain("kq-exercises").docs.items()}


def _folder(config) -> Path:
    return Path(config.kq_exercises_dir) if config.kq_exercises_dir else EXERCISES_DIR


class CodeExercise(SphinxDirective):
    """``{code-exercise} <id>`` with the task as its body; ``:xp:`` overrides the default."""

    required_arguments = 0
    optional_arguments = 1
    has_content = True
    option_spec = {"xp": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        location = (self.env.docname, self.lineno)
        exercise_id = self.arguments[0].strip() if self.arguments else ""
        root = _folder(self.config)
        folder = root / exercise_id
        if not exercise_id or not (folder / "check.py").is_file():
            known = sorted(path.name for path in root.iterdir()) if root.is_dir() else []
            close = difflib.get_close_matches(exercise_id, known, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            warn(
                Subtype.UNKNOWN,
                f"no exercise {exercise_id!r} in {root}: write `{{code-exercise}} <id>` with the "
                f"name of a folder there (see Authoring → Code exercises).{hint}",
                location,
            )
            return []
        exercise = load(folder)
        for problem in exercise.problems:
            if problem.line:
                warn(Subtype.MALFORMED, f"{exercise_id}: {problem.message}", _where(problem))
            else:  # a missing file or a folder: said where the page places the exercise
                warn(Subtype.MALFORMED, f"{problem.path}: {problem.message}", location)
        if exercise.problems:
            return []
        self._check_track(exercise, location)
        xp = self._xp(location)
        if not "".join(self.content).strip():
            warn(
                Subtype.EMPTY,
                f"{exercise_id}: the directive's body is the task; write it",
                location,
            )
        for path in (exercise.check, exercise.starter, exercise.solution):
            self.env.note_dependency(str(path))
        node = code_exercise(exercise=exercise_id, xp=xp, ids=[exercise_id])
        node.source, node.line = self.get_source_info()
        title = nodes.paragraph(classes=["kq-code-exercise-title"])
        title += nodes.strong(text=f"Code exercise: {exercise.title}")
        node += title
        self.state.nested_parse(self.content, self.content_offset, node)
        node += self._parse(self._generated(exercise))
        solution = exercise_solution()
        solution += self._parse(self._include(exercise.solution))
        node += solution
        node += exercise_claim(exercise=exercise_id, xp=xp)
        self.env.get_domain("kq-exercises").docs.setdefault(self.env.docname, []).append(
            {
                "id": exercise_id,
                "title": exercise.title,
                "xp": xp,
                "code": completion_code(exercise_id),
                "line": self.lineno,
            }
        )
        return [node]

    def _xp(self, location) -> int:
        raw = self.options.get("xp")
        if raw is None:
            return self.config.kq_exercise_xp
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if not 1 <= value <= 100:
            warn(
                Subtype.OPTION,
                f":xp: {raw!r} is not a whole number from 1 to 100; using "
                f"{self.config.kq_exercise_xp}",
                location,
            )
            return self.config.kq_exercise_xp
        return value

    def _check_track(self, exercise: Exercise, location) -> None:
        key = track_key(self.env.docname)
        if key is None:
            return  # a page outside the tracks (an authoring example) may show any exercise
        number = int(key.removeprefix(f"{TRACKS_FOLDER}/")[:2])
        if number != exercise.track:
            warn(
                Subtype.TRACK,
                f"{exercise.id} belongs to Track {exercise.track} (its TRACK and id say so), "
                f"not to this page's Track {number}: move it, or rename it and fix TRACK",
                location,
            )

    def _generated(self, exercise: Exercise) -> list[str]:
        """The MyST for the starter, the way to check and the solution (files included, so the
        examples runner leaves them alone)."""
        return [
            f"Start from this code (`kq start {exercise.id}` writes it to a file):",
            "",
            *self._include(exercise.starter),
            "",
            f"Check your answer with `kq check {exercise.id} your_file.py` (add `--all-backends` "
            "to try JAX, TensorFlow and PyTorch), or in this track's notebook. A check that "
            "passes prints a completion code; one that does not names the mistake and where the "
            "course explains it.",
        ]

    def _include(self, path: Path) -> list[str]:
        here = Path(self.env.doc2path(self.env.docname)).parent
        relative = Path(os.path.relpath(path, here)).as_posix()
        return [f"```{{literalinclude}} {relative}", ":language: python", "```"]

    def _parse(self, lines: list[str]) -> list[nodes.Node]:
        holder = nodes.container()
        self.state.nested_parse(StringList(lines, source=self.env.docname), 0, holder)
        return list(holder.children)


def _where(problem) -> str:
    return f"{problem.path}:{problem.line}"


def check_consistency(app: Sphinx, env) -> None:
    """Each exercise placed once; each hint's ``see`` names a page and an anchor that exist."""
    placed: dict[str, tuple[str, int]] = {}
    root = _folder(env.config)
    for docname, entries in sorted(exercises_by_doc(env).items()):
        for entry in entries:
            first = placed.setdefault(entry["id"], (docname, entry["line"]))
            if first != (docname, entry["line"]):
                warn(
                    Subtype.DUPLICATE,
                    f"{entry['id']} is placed here and at {first[0]}:{first[1]}: keep one",
                    (docname, entry["line"]),
                )
    for exercise_id in sorted(placed):
        exercise = load(root / exercise_id)
        for hint_id, hint in exercise.hints.items():
            match = SEE.match(hint.see or "")
            if not match:
                continue
            problem = _missing_anchor(env, f"{TRACKS_FOLDER}/{match['page']}", match["anchor"])
            if problem:
                warn(
                    Subtype.SEE,
                    f"hint {hint_id!r}: see={hint.see!r}: {problem}",
                    f"{exercise.check}:{hint.line}",
                )


def _missing_anchor(env, docname: str, anchor: str) -> str | None:
    if docname not in env.all_docs:
        return f"there is no page {docname}"
    labels = env.domaindata["std"]["anonlabels"]
    if labels.get(anchor, (None,))[0] == docname:
        return None
    doctree = env.get_doctree(docname)
    if any(anchor in node["ids"] for node in doctree.findall(nodes.Element) if node["ids"]):
        return None
    return f"{docname} has no anchor {anchor!r} (add a `({anchor})=` label above the section)"


def visit_code_exercise_html(self, node: code_exercise) -> None:
    self.body.append(
        self.starttag(
            node,
            "div",
            CLASS="kq-code-exercise",
            **{"data-kq-exercise": node["exercise"], "data-kq-xp": str(node["xp"])},
        )
    )


def depart_code_exercise_html(self, node: code_exercise) -> None:
    self.body.append("</div>\n")


SOLUTION_TITLE = "Reference solution"


def visit_solution_html(self, node: exercise_solution) -> None:
    if is_interactive(self.builder):
        self.body.append(
            f'<details class="kq-exercise-solution"><summary>{SOLUTION_TITLE}</summary>\n'
        )
    else:
        self.body.append(
            f'<div class="kq-exercise-solution"><p class="rubric">{SOLUTION_TITLE}</p>\n'
        )


def depart_solution_html(self, node: exercise_solution) -> None:
    self.body.append("</details>\n" if is_interactive(self.builder) else "</div>\n")


def visit_solution_latex(self, node: exercise_solution) -> None:
    self.body.append(f"\n\\par\\textbf{{{SOLUTION_TITLE}}}\\par\n")


def visit_solution_text(self, node: exercise_solution) -> None:
    self.new_state(0)
    self.add_text(f"{SOLUTION_TITLE}:")
    self.end_state()


def visit_claim_html(self, node: exercise_claim) -> None:
    if is_interactive(self.builder):
        template = _TEMPLATES.get_template("claim.html")
        self.body.append(template.render(exercise=node["exercise"], xp=node["xp"]))
    raise nodes.SkipNode


def _pass(self, node) -> None:
    pass


def _skip(self, node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict:
    app.add_config_value("kq_exercises_dir", None, "env", types=(str, type(None)))
    app.add_config_value("kq_exercise_xp", DEFAULT_XP, "env", types=(int,))
    app.add_domain(ExercisesDomain)
    app.add_directive("code-exercise", CodeExercise)
    others = ("latex", "text", "man", "texinfo")
    app.add_node(
        code_exercise,
        **html_visitors(visit_code_exercise_html, depart_code_exercise_html),
        **dict.fromkeys(others, (_pass, _pass)),
    )
    app.add_node(
        exercise_solution,
        **html_visitors(visit_solution_html, depart_solution_html),
        latex=(visit_solution_latex, _pass),
        text=(visit_solution_text, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    app.add_node(
        exercise_claim, **html_visitors(visit_claim_html), **dict.fromkeys(others, (_skip, None))
    )
    app.connect("env-check-consistency", check_consistency)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
