"""``raw_html_reviewed`` must hold a reason (issue #30): who reviewed the raw HTML, and why.

MyST hands front-matter values over as strings ('null', 'True', 'False', ''), so a key that is
empty, a YAML boolean or null, or a bare number says nothing, yet used to silence
``course.raw-html``. Each such page gets a warning at the key's line, with the fix, and its raw
HTML is reported as if the key were not there.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import sphinx_build

ROOT = Path(__file__).parent / "roots" / "test-courselint"
TEMPLATE = ROOT / "tracks" / "11-raw-reviewed.md"
GOOD = 'raw_html_reviewed: "reviewed by the maintainers: a fixture"'
#: slug -> how the key is written
BAD = {
    "empty": "raw_html_reviewed:",
    "quoted-empty": 'raw_html_reviewed: ""',
    "blank": 'raw_html_reviewed: "   "',
    "true": "raw_html_reviewed: true",
    "false": "raw_html_reviewed: false",
    "yes": "raw_html_reviewed: yes",
    "null": "raw_html_reviewed: null",
    "tilde": "raw_html_reviewed: ~",
    "quoted-true": 'raw_html_reviewed: "True"',
    "number": "raw_html_reviewed: 1",
    "list": "raw_html_reviewed: [me]",
}
WARNING = re.compile(
    r"^(?P<path>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) \[course\.raw-html\]$"
)


@pytest.fixture(scope="module")
def lint(tmp_path_factory):
    src = tmp_path_factory.mktemp("reviewed") / "src"
    shutil.copytree(ROOT, src)
    template = TEMPLATE.read_text(encoding="utf-8")
    assert GOOD in template
    names = []
    for number, (slug, line) in enumerate(BAD.items(), start=20):
        name = f"{number}-reviewed-{slug}"
        text = template.replace(GOOD, line).replace("11-raw-reviewed", name)
        (src / "tracks" / f"{name}.md").write_text(text, encoding="utf-8")
        names.append(name)
    index = (src / "index.md").read_text(encoding="utf-8")
    extra = "".join(f"tracks/{name}\n" for name in names)
    (src / "index.md").write_text(
        index.replace("tracks/11-raw-reviewed\n", f"tracks/11-raw-reviewed\n{extra}"),
        encoding="utf-8",
    )
    # A line separator and a form feed above a TODO: line breaks to str.splitlines, not to MyST.
    todo = src / "tracks" / "07-todo.md"
    todo.write_text(
        todo.read_text(encoding="utf-8").replace("Do it.", "Do\u2028it\f now."), encoding="utf-8"
    )
    code, _out, stderr = sphinx_build(src, src.parent / "html", "html")
    assert code == 0, stderr
    found: dict[str, list[tuple[int, str]]] = {}
    found["todo"] = [line for line in stderr.splitlines() if line.endswith("[course.todo]")]
    for raw in stderr.splitlines():
        match = WARNING.match(raw.strip())
        if match:
            found.setdefault(Path(match["path"]).stem, []).append(
                (int(match["line"]), match["message"])
            )
    return found


@pytest.mark.parametrize("slug", sorted(BAD))
def test_a_reviewed_key_that_gives_no_reason_is_reported_with_the_fix(lint, slug):
    number = 20 + list(BAD).index(slug)
    found = sorted(lint.get(f"{number}-reviewed-{slug}", []))
    # The key itself (line 3 of the front matter), then the raw HTML it failed to excuse.
    assert [line for line, _message in found] == [3, 18], found
    key_message = found[0][1]
    assert "raw_html_reviewed" in key_message and "who reviewed" in key_message
    assert "not a reason" in key_message


def test_a_key_with_a_reason_still_excuses_the_page(lint):
    assert "11-raw-reviewed" not in lint


def test_course_lint_lines_stay_right_after_any_unicode_line_break(lint):
    (todo,) = lint["todo"]
    assert "tracks/07-todo.md:17:" in todo
