"""What a code exercise is, read from its folder without running it.

An exercise is a folder ``kq/exercises/<id>/`` (see ``docs/authoring/exercises.md``):

- ``check.py``: a docstring whose first line is the title; ``TRACK = <number>``; ``HINTS``, a
  dict of ``Hint("…", see="NN-slug#anchor")``; ``check(answer)``. Imports from this package only
  ``from kq.checking import …`` on one line (a notebook replaces that line).
- ``starter.py``: what the learner starts from; it runs, and does not pass.
- ``solution.py``: the reference answer; passes on every backend.
- ``wrong/*.py``: seeded wrong answers, at least :data:`MIN_WRONG`, each starting with
  ``# expect: <hint id>`` — the hint it must get.

Everything here reads files with :mod:`ast`: the Sphinx build and ``kq list`` know an exercise
without importing Keras. A malformed exercise is a list of :class:`Problem` (file, line, what to
do), never an exception.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

#: Where the course's exercises live.
EXERCISES_DIR = Path(__file__).parent / "exercises"
#: An exercise id: ``t`` + its track's number, then lowercase words joined by ``-``.
EXERCISE_ID = re.compile(r"^t(?P<track>[1-9][0-9]?)-[a-z0-9]+(?:-[a-z0-9]+)*$")
#: A hint's ``see``: a track page's file name, ``#``, an anchor on it.
SEE = re.compile(r"^(?P<page>\d{2}-[a-z0-9][a-z0-9-]*)#(?P<anchor>[A-Za-z0-9][\w-]*)$")
#: The one import of this package a check may make; a notebook removes exactly this line.
CHECK_IMPORT = re.compile(r"^from kq\.checking import [A-Za-z_, ]+$")
ALLOWED_IMPORTS = {"Hint", "require", "calling"}
EXPECT = re.compile(r"^#\s*expect:\s*(?P<hint>\S+)\s*$")
MIN_WRONG = 5


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class HintInfo:
    text: str
    see: str | None
    line: int


@dataclass(frozen=True)
class Wrong:
    path: Path
    expect: str | None
    why: str


@dataclass
class Exercise:
    id: str
    folder: Path
    title: str = ""
    track: int | None = None
    hints: dict[str, HintInfo] = field(default_factory=dict)
    wrong: list[Wrong] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def check(self) -> Path:
        return self.folder / "check.py"

    @property
    def starter(self) -> Path:
        return self.folder / "starter.py"

    @property
    def solution(self) -> Path:
        return self.folder / "solution.py"

    def problem(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))


def load_all(root: Path = EXERCISES_DIR) -> list[Exercise]:
    """Every exercise under ``root``, in id order."""
    if not root.is_dir():
        return []
    return [
        load(folder)
        for folder in sorted(root.iterdir())
        if folder.is_dir() and not folder.name.startswith(("_", "."))
    ]


#: Exercises already read, by folder and the bytes of its files: a build reads each exercise
#: where its page places it and again to check its hints' links, and parsing every file of every
#: exercise was most of what the exercises cost the build. A file that changed (bytes, not
#: times: a test may rewrite one within a clock tick) is read again.
_LOADED: dict[tuple[Path, int], Exercise] = {}


def _fingerprint(folder: Path) -> int:
    files = sorted(folder.rglob("*.py")) if folder.is_dir() else []
    parts = []
    for path in files:
        try:
            parts.append((path.as_posix(), path.read_bytes()))
        except OSError:
            parts.append((path.as_posix(), b"\0unreadable"))
    return hash(tuple(parts))


def load(folder: Path) -> Exercise:
    """The exercise in ``folder``; what is wrong with it is in ``problems``. The same object
    comes back while the folder's files stay the same: treat it as read-only."""
    folder = Path(folder)
    key = (folder.resolve(), _fingerprint(folder))
    if key not in _LOADED:
        _LOADED[key] = _load(folder)
    return _LOADED[key]


def _load(folder: Path) -> Exercise:
    exercise = Exercise(id=folder.name, folder=folder)
    match = EXERCISE_ID.match(folder.name)
    if not match:
        exercise.problem(
            folder,
            0,
            f"the folder name {folder.name!r} is not an exercise id: write 't<track number>-' "
            "then lowercase words joined by '-', e.g. 't7-learned-shift'",
        )
    for required in (exercise.check, exercise.starter, exercise.solution):
        if not required.is_file():
            exercise.problem(required, 0, f"missing: every exercise has {required.name}")
    if exercise.check.is_file():
        _read_check(exercise)
    for path in (exercise.starter, exercise.solution):
        if path.is_file():
            _parse(exercise, path)
    _read_wrong(exercise)
    if match and exercise.track is not None and int(match["track"]) != exercise.track:
        exercise.problem(
            exercise.check,
            1,
            f"TRACK = {exercise.track} but the id {exercise.id!r} starts with "
            f"'t{match['track']}-': make them agree",
        )
    return exercise


def _parse(exercise: Exercise, path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        exercise.problem(path, exc.lineno or 0, f"not valid Python: {exc.msg}")
    except (OSError, UnicodeDecodeError) as exc:
        exercise.problem(path, 0, f"cannot be read: {exc}")
    return None


def _read_check(exercise: Exercise) -> None:
    path = exercise.check
    tree = _parse(exercise, path)
    if tree is None:
        return
    docstring = ast.get_docstring(tree)
    if not docstring or not docstring.strip():
        exercise.problem(path, 1, "no docstring: its first line is the exercise's title")
    else:
        exercise.title = docstring.strip().splitlines()[0].strip().rstrip(".")
    found_check = found_track = False
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            _check_import(exercise, path, node)
        elif isinstance(node, ast.Assign) and _target(node) == "TRACK":
            found_track = True
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, int):
                exercise.track = value.value
            else:
                exercise.problem(path, node.lineno, "TRACK must be a number, e.g. TRACK = 7")
        elif isinstance(node, ast.Assign) and _target(node) == "HINTS":
            _read_hints(exercise, path, node.value)
        elif isinstance(node, ast.FunctionDef) and node.name == "check":
            found_check = True
            if len(node.args.args) != 1:
                exercise.problem(path, node.lineno, "check takes one argument: def check(answer):")
    if not found_track:
        exercise.problem(path, 1, "no TRACK: add TRACK = <the track's number>")
    if not exercise.hints:
        exercise.problem(path, 1, 'no HINTS: add HINTS = {"hint-id": Hint("…", see="…"), …}')
    if not found_check:
        exercise.problem(path, 1, "no check function: add def check(answer): …")
    _check_hint_uses(exercise, path, tree)


def _target(node: ast.Assign) -> str | None:
    if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    return None


def _check_import(exercise: Exercise, path: Path, node: ast.stmt) -> None:
    names = [alias.name for alias in node.names]
    module = getattr(node, "module", None) or ""
    if isinstance(node, ast.ImportFrom) and module == "kq.checking":
        line = path.read_text(encoding="utf-8").splitlines()[node.lineno - 1]
        unknown = sorted(set(names) - ALLOWED_IMPORTS)
        if unknown or not CHECK_IMPORT.match(line) or node.end_lineno != node.lineno:
            exercise.problem(
                path,
                node.lineno,
                "import from kq.checking on one line, only Hint, require and calling: "
                "from kq.checking import Hint, require, calling",
            )
    elif module.startswith("kq") or any(name.split(".")[0] == "kq" for name in names):
        exercise.problem(
            path,
            node.lineno,
            "a check imports only kq.checking from this package (a notebook has nothing else)",
        )


def _read_hints(exercise: Exercise, path: Path, value: ast.expr) -> None:
    if not isinstance(value, ast.Dict):
        exercise.problem(path, value.lineno, 'HINTS must be a dict literal: {"id": Hint("…")}')
        return
    for key, hint in zip(value.keys, value.values, strict=True):
        line = getattr(key, "lineno", value.lineno)
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            exercise.problem(path, line, "a hint id is a string literal")
            continue
        if key.value in exercise.hints:
            exercise.problem(path, line, f"hint {key.value!r} is defined twice")
        parsed = _hint_call(hint)
        if parsed is None:
            exercise.problem(
                path,
                line,
                f'hint {key.value!r}: write Hint("what is wrong, what to do", '
                'see="NN-slug#anchor") with string literals',
            )
            continue
        text, see = parsed
        if not text.strip():
            exercise.problem(path, line, f"hint {key.value!r} has no text")
        if see is not None and not SEE.match(see):
            exercise.problem(
                path,
                line,
                f"hint {key.value!r}: see={see!r} is not '<track file name>#<anchor>', "
                'e.g. see="07-custom-layers#build-creates-weights"',
            )
        exercise.hints[key.value] = HintInfo(text, see, line)


def _hint_call(node: ast.expr) -> tuple[str, str | None] | None:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return None
    if node.func.id != "Hint" or len(node.args) != 1:
        return None
    text = node.args[0]
    if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
        return None
    see = None
    for keyword in node.keywords:
        if keyword.arg != "see":
            return None
        if not (isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str)):
            return None
        see = keyword.value.value
    return text.value, see


def _check_hint_uses(exercise: Exercise, path: Path, tree: ast.Module) -> None:
    """Every ``require(…, "id")`` and ``calling("id")`` names a hint that exists."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id == "require" and len(node.args) == 2:
            named = node.args[1]
        elif node.func.id == "calling" and len(node.args) == 1:
            named = node.args[0]
        else:
            continue
        if isinstance(named, ast.Constant) and isinstance(named.value, str):
            if exercise.hints and named.value not in exercise.hints:
                exercise.problem(
                    path, node.lineno, f"{named.value!r} is not a key of HINTS: add it or fix it"
                )


def _read_wrong(exercise: Exercise) -> None:
    folder = exercise.folder / "wrong"
    files = sorted(folder.glob("*.py")) if folder.is_dir() else []
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            exercise.problem(path, 0, f"cannot be read: {exc}")
            continue
        match = EXPECT.match(lines[0]) if lines else None
        if not match:
            exercise.problem(
                path, 1, "a wrong answer starts with '# expect: <hint id>', the hint it must get"
            )
            exercise.wrong.append(Wrong(path, None, ""))
            continue
        why = lines[1].lstrip("# ").strip() if len(lines) > 1 and lines[1].startswith("#") else ""
        if not why:
            exercise.problem(path, 2, "line 2 says, as a comment, which mistake this answer makes")
        if exercise.hints and match["hint"] not in exercise.hints:
            exercise.problem(
                path, 1, f"expects hint {match['hint']!r}, which HINTS does not define"
            )
        _parse(exercise, path)
        exercise.wrong.append(Wrong(path, match["hint"], why))
    if len(files) < MIN_WRONG:
        exercise.problem(
            folder,
            0,
            f"{len(files)} seeded wrong answer(s) in wrong/: write at least {MIN_WRONG}, "
            "each a mistake learners really make",
        )
