"""House rules of extensions/: who may import whom, no private Sphinx attribute, one spelling.

The rooms and who may import whom: no circles, no import back up a floor.

A room is a package (``extensions/quiz``) or a top-level module (``extensions/course.py``) of
``extensions/``. Every import between rooms, including imports inside functions, is read from
the source with ``ast``. The floors below are the map in docs/maintainers.md: a room may import
rooms on lower floors only.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

EXTENSIONS = ROOT / "extensions"

#: Lowest first. A new room goes on the floor its imports put it on (and into the maintainers'
#: page); a room missing here fails the test.
FLOORS = [
    {"warnings_", "builders", "walk"},  # what every extension uses
    # the rooms that stand alone
    {"quiz", "examples", "mathml", "meta", "compat", "lean", "buildlog", "sitemap"},
    {"course"},  # the course model: tracks, their pages and their questions (from quiz)
    # what reads the course model (and the examples' claim marks); exercises reads it for the
    # track a page belongs to, and progress reads exercises' domain data, never its module
    {"courselint", "progress", "exercises"},
    {"notebooks"},  # each track's notebook: the course, its run plans and its code exercises
]


def _room(path: Path) -> str:
    relative = path.relative_to(EXTENSIONS)
    return relative.parts[0].removesuffix(".py")


def _imported_rooms(path: Path) -> set[str]:
    """Rooms of extensions/ that ``path`` imports (absolute or relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
                names = [module] + [f"{module}.{alias.name}" for alias in node.names]
            elif node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "extensions" and len(parts) > 1:
                candidate = parts[1]
                if (EXTENSIONS / candidate).is_dir() or (EXTENSIONS / f"{candidate}.py").is_file():
                    found.add(candidate)
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(EXTENSIONS.rglob("*.py")):
        if "node_modules" in path.parts or path.name == "__init__.py" and path.parent == EXTENSIONS:
            continue
        room = _room(path)
        graph.setdefault(room, set()).update(_imported_rooms(path) - {room})
    return graph


def _floor(room: str) -> int:
    for number, rooms in enumerate(FLOORS):
        if room in rooms:
            return number
    raise AssertionError(f"extensions/{room} is on no floor: add it to FLOORS and the map")


def test_every_room_is_on_a_floor():
    for room in _graph():
        _floor(room)


def test_no_room_imports_a_room_on_its_own_floor_or_above():
    upward = [
        f"{room} (floor {_floor(room)}) imports {other} (floor {_floor(other)})"
        for room, others in sorted(_graph().items())
        for other in sorted(others)
        if _floor(other) >= _floor(room)
    ]
    assert upward == []


def test_the_check_sees_an_import_going_up(tmp_path, monkeypatch):
    """The reading of imports can fail: a relative import from quiz into progress is seen."""
    room = tmp_path / "extensions" / "quiz"
    room.mkdir(parents=True)
    (tmp_path / "extensions" / "progress").mkdir()
    (room / "leak.py").write_text("def f():\n    from ..progress import config\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    monkeypatch.setattr(__import__(__name__), "EXTENSIONS", tmp_path / "extensions")
    assert _imported_rooms(room / "leak.py") == {"progress"}


# ---- no private Sphinx attribute ----------------------------------------------------------------

#: Objects of Sphinx whose private parts (``_name``) or internal registry we must not read.
SPHINX_OBJECTS = {"app", "env", "builder", "config", "self.env", "self.app", "self.config"}


def _private_reads(source: str, filename: str) -> list[str]:
    """``app.registry``, ``env._x``, ``builder._x``... read in ``source`` (our own ``_kq`` names
    are ours, not Sphinx's)."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if not isinstance(node, ast.Attribute):
            continue
        owner = ast.unparse(node.value)
        if owner.split(".")[-1] in {"app", "env", "builder", "config"} or owner in SPHINX_OBJECTS:
            private = node.attr.startswith("_") and not node.attr.startswith("_kq")
            if private or node.attr == "registry":
                found.append(f"{filename}:{node.lineno}: {owner}.{node.attr}")
    return found


def test_no_extension_reads_a_private_sphinx_attribute():
    found = []
    for path in sorted(EXTENSIONS.rglob("*.py")):
        if "node_modules" not in path.parts:
            found += _private_reads(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == []


def test_the_private_read_check_sees_one():
    code = "def f(app, env):\n    app.registry.translation_handlers\n    env._viewcode\n"
    assert sorted(_private_reads(code, "x.py")) == ["x.py:2: app.registry", "x.py:3: env._viewcode"]


# ---- one spelling for warning subtypes ----------------------------------------------------------


def test_every_registered_warning_subtype_is_spelled_the_same_way():
    import extensions.compat  # noqa: F401  (each room registers its warnings when imported)
    import extensions.courselint  # noqa: F401
    import extensions.examples  # noqa: F401
    import extensions.lean  # noqa: F401
    import extensions.mathml  # noqa: F401
    import extensions.meta  # noqa: F401
    import extensions.progress  # noqa: F401
    import extensions.quiz  # noqa: F401
    from extensions.warnings_ import REGISTRY, SPELLING

    assert {"course", "examples", "lean", "mathml", "meta", "progress", "quiz"} <= set(REGISTRY)
    wrong = [
        f"{kind}.{member.value}"
        for kind, members in REGISTRY.items()
        for member in members
        if not SPELLING.fullmatch(member.value)
    ]
    assert wrong == []


# ---- static files by one rule -------------------------------------------------------------------


def test_only_builders_py_adds_static_folders():
    """Every static folder goes through ``builders.add_static_dir``: no room edits
    ``html_static_path`` itself."""
    found = [
        str(path.relative_to(ROOT))
        for path in sorted(EXTENSIONS.rglob("*.py"))
        if "node_modules" not in path.parts
        and path.name != "builders.py"
        and "html_static_path" in path.read_text(encoding="utf-8")
    ]
    assert found == []
