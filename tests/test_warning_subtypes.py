"""The warning subtypes of meta, mathml, courselint and lean: one enumeration each, used by every
warning the extension logs (through ``extensions.warnings_.warn``), and shown in full by its
``{kq-warnings} <kind>`` table."""

from __future__ import annotations

import ast
import importlib

import pytest

from support import ROOT

CONTRIBUTE = ROOT / "docs" / "contribute.md"

#: extension folder -> (warning type, the fence opening its table, without its leading "```{")
EXTENSIONS = {
    "meta": ("meta", "kq-warnings} meta"),
    "mathml": ("mathml", "kq-warnings} mathml"),
    "courselint": ("course", "kq-warnings} course"),
    "lean": ("lean", "kq-warnings} lean"),
}


def _subtypes(extension: str):
    return importlib.import_module(f"extensions.{extension}.warning_types").Subtype


# ---- the code: every warning goes through the enumeration --------------------------------------


def _subtype_parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
    return {
        a.arg
        for a in arguments
        if isinstance(a.annotation, ast.Name) and a.annotation.id == "Subtype"
    }


class _WarningCalls(ast.NodeVisitor):
    """Every ``….warning(…)`` call, and every call of a ``warn``/``_warn`` helper with the
    subtype it passes: ``Subtype.X`` (recorded as ``X``) or a parameter typed ``Subtype``."""

    def __init__(self, filename: str):
        self.filename = filename
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.raw: list[str] = []  # .warning( calls outside warning_types.warn
        self.members: list[str] = []
        self.problems: list[str] = []

    def visit_FunctionDef(self, node):
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call):
        where = f"{self.filename}:{node.lineno}"
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in {"warning", "warn"} and isinstance(func, ast.Attribute):
            self.raw.append(where)  # only extensions/warnings_.py may call the logger
        elif name in {"warn", "_warn"}:
            self._subtype_argument(node, where)
        self.generic_visit(node)

    def _subtype_argument(self, node: ast.Call, where: str) -> None:
        typed = _subtype_parameters(self.functions[-1]) if self.functions else set()
        found = []
        for value in [*node.args, *(k.value for k in node.keywords)]:
            if (
                isinstance(value, ast.Attribute)
                and isinstance(value.value, ast.Name)
                and value.value.id == "Subtype"
            ):
                found.append(value.attr)
            elif isinstance(value, ast.Name) and value.id in typed:
                found.append(None)  # passed on by a helper whose parameter is a Subtype
        if len(found) != 1:
            self.problems.append(f"{where}: no single Subtype argument")
        elif found[0] is not None:
            self.members.append(found[0])


def _scan(extension: str) -> list[_WarningCalls]:
    scans = []
    for path in sorted((ROOT / "extensions" / extension).glob("*.py")):
        visitor = _WarningCalls(path.name)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        scans.append(visitor)
    return scans


@pytest.mark.parametrize("extension", sorted(EXTENSIONS))
def test_every_warning_is_logged_with_a_subtype_from_the_enumeration(extension):
    subtypes = _subtypes(extension)
    scans = _scan(extension)
    assert [where for scan in scans for where in scan.raw] == []  # all through warning_types.warn
    assert [problem for scan in scans for problem in scan.problems] == []
    used = {member for scan in scans for member in scan.members}
    assert used <= set(subtypes.__members__), used - set(subtypes.__members__)
    # ...and each documented subtype is really given somewhere: the table lists no dead rule.
    assert used == set(subtypes.__members__)


def test_the_scan_finds_a_warning_that_bypasses_the_enumeration(tmp_path):
    """The scan above can fail: a bare logger.warning and a literal subtype are both caught."""
    code = (
        "def check(logger):\n"
        "    logger.warning('x', type='meta', subtype='description')\n"
        "    warn('description', 'y', location=None, logger=logger)\n"
    )
    visitor = _WarningCalls("rules.py")
    visitor.visit(ast.parse(code))
    assert visitor.raw == ["rules.py:2"]
    assert visitor.problems == ["rules.py:3: no single Subtype argument"]


@pytest.mark.parametrize("extension", sorted(EXTENSIONS))
def test_the_warning_helper_logs_type_and_subtype(extension):
    module = importlib.import_module(f"extensions.{extension}.warning_types")
    kind, _directive = EXTENSIONS[extension]
    assert module.TYPE == kind
    calls = []

    class Logger:
        def warning(self, message, **kwargs):
            calls.append((message, kwargs))

    member = next(iter(module.Subtype))
    module.warn(member, "text", "page", logger=Logger())
    assert calls == [("text", {"type": kind, "subtype": member.value, "location": "page"})]
    assert type(calls[0][1]["subtype"]) is str  # a plain string reaches Sphinx's log records


# ---- the documentation: each table lists every subtype -----------------------------------------


@pytest.fixture(scope="module")
def tables(build_root) -> str:
    """One small site whose page holds the tables, built with the text builder."""
    extensions = ["myst_parser", *(f"extensions.{name}" for name in EXTENSIONS)]
    body = "".join(f"```{{{directive}\n```\n\n" for _kind, directive in EXTENSIONS.values())
    pages = {"conf.py": f"extensions = {extensions!r}\n", "index.md": f"# Warnings\n\n{body}"}
    done = build_root(None, "text", pages=pages)
    assert done.warnings == ""
    return done.page("index.txt")


@pytest.mark.parametrize("extension", sorted(EXTENSIONS))
def test_the_table_lists_every_subtype_once_with_its_meaning(tables, extension):
    kind, _directive = EXTENSIONS[extension]
    subtypes = _subtypes(extension)
    for subtype in subtypes:
        assert tables.count(f'"{kind}.{subtype.value}"') == 1, subtype
        # The text builder quotes `code`; the first words sit on the cell's first line.
        first_words = " ".join(subtype.meaning.replace("`", "").split()[:3])
        assert first_words in " ".join(tables.replace('"', "").split()), subtype
    assert tables.count(f'"{kind}.') == len(subtypes)


@pytest.mark.parametrize(
    ("extension", "heading"),
    [
        ("courselint", "### Course lint"),
        ("meta", "### Page descriptions"),
        ("mathml", "### Math"),
        ("lean", "### Lean pages"),
    ],
)
def test_the_contribute_page_shows_each_table_under_its_heading(extension, heading):
    text = CONTRIBUTE.read_text(encoding="utf-8")
    _kind, directive = EXTENSIONS[extension]
    assert text.count(f"```{{{directive}\n") == 1
    section = text[text.index(heading) :]
    next_heading = section.find("\n#", len(heading))
    assert f"```{{{directive}\n" in section[: next_heading if next_heading > 0 else None]


# ---- meta: the one warning it gives ------------------------------------------------------------


def _meta_site(build_root, description: str, suppress: list[str]) -> tuple[str, str]:
    conf = (
        'extensions = ["myst_parser", "extensions.meta"]\n'
        f"suppress_warnings = {suppress!r}\n"
        'meta_default_description = "The default."\n'
    )
    index = f"---\ndescription: {description}\n---\n\n# Home\n"
    done = build_root(None, "html", pages={"conf.py": conf, "index.md": index})
    return done.page("index.html"), done.warnings


def test_a_description_over_300_characters_is_a_meta_description_warning(build_root):
    html, warnings = _meta_site(build_root, "word " * 60 + "end", [])
    (line,) = warnings.splitlines()
    assert "index.md: WARNING: description is 303 characters long" in line
    assert line.endswith("[meta.description]")
    assert '<meta name="description" content="word word' in html  # still used


def test_the_meta_warning_is_silenced_by_its_subtype(build_root):
    _html, warnings = _meta_site(build_root, "word " * 60 + "end", ["meta.description"])
    assert warnings == ""
