"""Course-lint messages an author can act on at once (issue #28).

An HTML comment is raw HTML to the build, so the lint says so and names MyST's ``%`` comment as
the fix; a finding repeated on many lines of one page (a template's TODO lines) is one warning
for the page with the count and every line, not one warning per line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import sphinx_build

ROOT = Path(__file__).parent / "roots" / "test-courselint"
COMPLETE = ROOT / "tracks" / "01-complete.md"
WARNING = re.compile(
    r"^(?P<path>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) \[(?P<type>[\w.-]+)\]$"
)


def _page(name: str, after_body: str) -> str:
    """The complete fixture track as ``name``, with ``after_body`` added below its body text."""
    text = COMPLETE.read_text(encoding="utf-8").replace("01-complete", name)
    return text.replace("## Body\n\nText.\n", f"## Body\n\nText.\n\n{after_body}\n")


#: name -> what its body gets; each page breaks one rule in one way.
PAGES = {
    "13-one-comment": "<!-- a note to other authors -->",
    "14-comments": "<!-- first note -->\n\nText.\n\n<!-- second -->\n\nMore.\n\n<!-- third -->",
    "15-todos": "TODO: one.\n\nTODO: two.\n\nText.\n\nTODO: three.",
    "16-tags": "<b>bold</b> text.\n\n<div>block</div>",
}


@pytest.fixture(scope="module")
def lint(tmp_path_factory) -> dict[str, list[dict]]:
    src = tmp_path_factory.mktemp("messages") / "src"
    shutil.copytree(ROOT, src)
    for name, body in PAGES.items():
        (src / "tracks" / f"{name}.md").write_text(_page(name, body), encoding="utf-8")
    index = (src / "index.md").read_text(encoding="utf-8")
    extra = "".join(f"tracks/{name}\n" for name in PAGES)
    (src / "index.md").write_text(
        index.replace("tracks/11-raw-reviewed\n", f"tracks/11-raw-reviewed\n{extra}"),
        encoding="utf-8",
    )
    returncode, _out, stderr = sphinx_build(src, src.parent / "html", "html")
    assert returncode == 0, stderr
    found: dict[str, list[dict]] = {name: [] for name in PAGES}
    for line in stderr.splitlines():
        match = WARNING.match(line)
        if match:
            for name in PAGES:
                if match["path"].endswith(f"tracks/{name}.md"):
                    found[name].append(match.groupdict())
    return found


def _line_of(name: str, needle: str, nth: int = 0) -> int:
    lines = _page(name, PAGES[name]).split("\n")
    return [number for number, line in enumerate(lines, start=1) if needle in line][nth]


def test_an_html_comment_is_named_as_such_with_the_myst_fix(lint):
    (warning,) = lint["13-one-comment"]
    assert warning["type"] == "course.raw-html"
    assert int(warning["line"]) == _line_of("13-one-comment", "<!--")
    assert "an HTML comment ('<!-- ... -->') counts as raw HTML" in warning["message"]
    assert "a MyST comment instead, a line starting with '%'" in warning["message"]


def test_repeated_comments_are_one_warning_with_the_count_and_lines(lint):
    (warning,) = lint["14-comments"]
    lines = [_line_of("14-comments", "<!--", n) for n in range(3)]
    assert int(warning["line"]) == lines[0]
    assert warning["message"].startswith(
        f"3 HTML comments ('<!-- ... -->', lines {', '.join(map(str, lines))}) count as raw HTML"
    )
    assert "lines starting with '%'" in warning["message"]


def test_repeated_todo_lines_are_one_warning_per_file(lint):
    (warning,) = lint["15-todos"]
    lines = [_line_of("15-todos", "TODO", n) for n in range(3)]
    assert warning["type"] == "course.todo" and int(warning["line"]) == lines[0]
    assert warning["message"] == (
        f"3 lines still hold a TODO from the track template (lines {', '.join(map(str, lines))}): "
        "replace each with the real text, or delete it"
    )


def test_tags_are_not_called_comments_and_repeat_once(lint):
    (warning,) = lint["16-tags"]
    assert warning["type"] == "course.raw-html"
    assert warning["message"].startswith("2 pieces of raw HTML")
    assert "comment" not in warning["message"]
