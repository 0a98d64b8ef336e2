"""The ``{code-exercise}`` directive: what each builder shows, and what an author is told.

Built from ``tests/roots/test-exercises``, whose one exercise (``t7-double``) is plain Python, so
nothing here needs Keras. The course's own exercises are run in ``test_exercises.py``.
"""

from __future__ import annotations

import re

import pytest

EXERCISE = "exercises/t7-double"
PAGE = "tracks/07-custom-layers.md"


@pytest.fixture(scope="module")
def html(build_root):
    return build_root("exercises", "html")


def test_html_shows_the_exercise_and_its_form(html):
    assert html.returncode == 0, html.warnings
    assert "WARNING" not in html.warnings, html.warnings
    page = html.page("tracks/07-custom-layers.html")
    block = re.search(r'<div class="kq-code-exercise"[^>]*>', page).group(0)
    assert 'data-kq-exercise="t7-double"' in block and 'data-kq-xp="40"' in block
    assert 'id="t7-double"' in block
    assert "Code exercise: Double a number" in page
    assert "returns twice" in page  # the task
    words = re.sub(r"<[^>]+>", "", page)
    assert "kq start t7-double" in words and "kq check t7-double" in words
    # the starter, then the solution, closed
    starter = page.index('</span><span class="n">x</span>')
    details = page.index('<details class="kq-exercise-solution"><summary>Reference solution')
    assert starter < details
    assert "Reference solution" in page[details:]
    assert '<span class="mi">2</span>' in page[details:]
    form = re.search(r"<form[^>]*>", page).group(0)
    assert 'class="kq-exercise-claim"' in form and "hidden" in form
    assert 'data-kq-exercise="t7-double"' in form
    assert "self-attested" in page and "pays 40 XP once" in page
    assert 'role="status"' in page


@pytest.mark.parametrize("builder", ["text", "epub", "latex"])
def test_other_builders_show_the_exercise_without_a_form(build_root, builder):
    built = build_root("exercises", builder)
    assert built.returncode == 0, built.warnings
    assert "WARNING" not in built.warnings, built.warnings
    text = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in built.outdir.rglob("*")
        if path.suffix in {".txt", ".xhtml", ".tex"}
    )
    assert "kq-exercise-claim" not in text and "Mark solved" not in text
    words = re.sub(r"<[^>]+>|\\sphinxhyphen\{\}", lambda m: "-" if "hyphen" in m[0] else "", text)
    words = re.sub(r"\\sphinxcode\{\\sphinxupquote\{|\}\}", "", words)
    assert "Reference solution" in words
    assert builder == "latex" or "return 2 * x" in words  # LaTeX colours each token apart
    assert "<details" not in text and "<svg" not in text
    assert "Double a number" in words
    assert "returns twice" in words
    assert "kq check t7-double" in words


def _warnings_of(build_root, pages=None, **kwargs) -> str:
    built = build_root("exercises", "html", pages=pages or {}, **kwargs)
    assert "Traceback" not in built.warnings, built.warnings
    return built.warnings


def _page(directive: str) -> dict:
    return {PAGE: "# Custom layers\n\n(doubling-is-adding-twice)=\n## Doubling\n\n" + directive}


PAGE_MISTAKES = {
    "misspelt": (
        ":::{code-exercise} t7-dubble\n\nTask.\n:::\n",
        r"07-custom-layers\.md:6: WARNING: no exercise 't7-dubble'.*"
        r"Did you mean 't7-double'\? \[exercises\.unknown\]",
    ),
    "no-id": (
        ":::{code-exercise}\n\nTask.\n:::\n",
        r"07-custom-layers\.md:6: WARNING: no exercise ''.*\[exercises\.unknown\]",
    ),
    "bad-xp": (
        ":::{code-exercise} t7-double\n:xp: lots\n\nTask.\n:::\n",
        r":6: WARNING: :xp: 'lots' is not a whole number from 1 to 100.*\[exercises\.option\]",
    ),
    "no-task": (
        ":::{code-exercise} t7-double\n:::\n",
        r":6: WARNING: t7-double: the directive's body is the task.*\[exercises\.empty\]",
    ),
    "twice": (
        ":::{code-exercise} t7-double\n\nA.\n:::\n\n:::{code-exercise} t7-double\n\nB.\n:::\n",
        r":11: WARNING: t7-double is placed here and at tracks/07-custom-layers:6.*"
        r"\[exercises\.duplicate\]",
    ),
}


@pytest.mark.parametrize(("directive", "expected"), PAGE_MISTAKES.values(), ids=PAGE_MISTAKES)
def test_page_mistakes_are_reported_at_their_line(build_root, directive, expected):
    warnings = _warnings_of(build_root, _page(directive))
    assert re.search(expected, warnings), warnings


def test_an_exercise_on_another_tracks_page_is_reported(build_root):
    pages = {
        "index.md": "# Home\n\n```{toctree}\ntracks/08-training\n```\n",
        "tracks/08-training.md": "# Training\n\n:::{code-exercise} t7-double\n\nTask.\n:::\n",
    }
    pages[PAGE] = "# Custom layers\n\n(doubling-is-adding-twice)=\n## Doubling\n"
    warnings = _warnings_of(build_root, pages)
    expected = (
        r"08-training\.md:3: WARNING: t7-double belongs to Track 7.*"
        r"not to this page's Track 8.*\[exercises\.track\]"
    )
    assert re.search(expected, warnings), warnings


def test_a_hint_pointing_nowhere_is_reported_at_its_line_in_check_py(build_root):
    pages = _page(":::{code-exercise} t7-double\n\nTask.\n:::\n")
    pages[PAGE] = pages[PAGE].replace("(doubling-is-adding-twice)=\n", "")
    warnings = _warnings_of(build_root, pages)
    anchor = "doubling-is-adding-twice"
    expected = (
        rf"t7-double/check\.py:1[1-9]: WARNING: hint '[a-z-]+': see='07-custom-layers#{anchor}': "
        rf"tracks/07-custom-layers has no anchor '{anchor}' \(add a `\({anchor}\)=` label"
        r".*\[exercises\.see\]"
    )
    assert re.search(expected, warnings), warnings


WRONG = f"{EXERCISE}/wrong/text.py"
CHECK = f"{EXERCISE}/check.py"
EXERCISE_MISTAKES = {
    "no-expect": (
        {WRONG: "def double(x):\n    return str(x)\n"},
        r"wrong/text\.py:1: WARNING: t7-double: a wrong answer starts with '# expect: <hint id>'",
    ),
    "unknown-hint": (
        {WRONG: "# expect: typo\n# Returns text.\n"},
        r"wrong/text\.py:1: WARNING: t7-double: expects hint 'typo', which HINTS does not define",
    ),
    "no-why": (
        {WRONG: "# expect: string\ndef double(x):\n    return str(x)\n"},
        r"wrong/text\.py:2: WARNING: t7-double: line 2 says, as a comment, which mistake",
    ),
    "empty-check": (
        {CHECK: "TRACK = 7\nHINTS = {}\n"},
        r"check\.py:1: WARNING: t7-double: no docstring.*\n.*no HINTS.*\n.*no check function",
    ),
    "bad-values": (
        {
            CHECK: '"""T"""\nTRACK = "7"\nHINTS = {"a": Hint("x", see="nowhere")}\n'
            'def check(answer):\n    require(True, "b")\n'
        },
        r"check\.py:2: .*TRACK must be a number.*\n"
        r".*check\.py:3: .*see='nowhere' is not '<track file name>#<anchor>'.*\n"
        r".*check\.py:5: .*'b' is not a key of HINTS",
    ),
    "imports-kq": (
        {CHECK: '"""T"""\nfrom kq.cli import main\nTRACK = 7\nHINTS = {"a": Hint("x")}\n'},
        r"check\.py:2: .*imports only kq\.checking",
    ),
    "syntax": (
        {CHECK: '"""T"""\nTRACK = 7\nHINTS = {"a": Hint("x")}\ndef check(answer:\n'},
        r"check\.py:4: WARNING: t7-double: not valid Python",
    ),
    "track-mismatch": (
        {CHECK: '"""T"""\nTRACK = 8\nHINTS = {"a": Hint("x")}\ndef check(answer):\n    pass\n'},
        r"check\.py:1: .*TRACK = 8 but the id 't7-double' starts with 't7-'",
    ),
}


@pytest.mark.parametrize(("files", "expected"), EXERCISE_MISTAKES.values(), ids=EXERCISE_MISTAKES)
def test_a_malformed_exercise_is_reported_at_its_file_and_line(build_root, files, expected):
    warnings = _warnings_of(build_root, files)
    assert re.search(expected, warnings), warnings
    assert "[exercises.malformed]" in warnings


def test_too_few_wrong_answers_is_reported(build_root, tmp_path):
    built = build_root("exercises", "html", pages={f"{EXERCISE}/wrong/text.py": ""})
    # an empty file has no '# expect:' line; deleting files is what authors do: do it too
    for extra in ("square.py", "plus_two.py"):
        (built.srcdir / EXERCISE / "wrong" / extra).unlink()
    from support import build

    again = build(built.srcdir, "html", "-E")
    expected = (
        r"07-custom-layers\.md:\d+: WARNING: \S+/t7-double/wrong: "
        r"3 seeded wrong answer\(s\) in wrong/: write at least 5"
    )
    assert re.search(expected, again.warnings), again.warnings
