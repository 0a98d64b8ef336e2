"""Quizzes under hostile input (issue #30): a refused question never renders what it refused, raw
markup never leaves a quiz, option values are read as MyST reads them, and lines stay right.

tests/roots/test-quiz-hostile is built WITHOUT -W (as ``make livehtml`` does) in every builder;
every page is then read for anything that could run: a script, an event handler, a frame, a
``javascript:`` or ``data:`` link, or a request leaving the site. The browser side of the same
pages is tests/test_quiz_hostile_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import build_in_process, sphinx_build

ROOTS = Path(__file__).parent / "roots"
HOSTILE = ROOTS / "test-quiz-hostile"
BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text"]
WEB = ("html", "dirhtml", "singlehtml", "epub")
WARNING = re.compile(
    r"^(?P<path>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) \[(?P<type>[\w.-]+)\]$"
)


class LiveMarkup(HTMLParser):
    """Everything in a page that could run or reach out, and the page's visible text."""

    EMBEDS = ("iframe", "object", "embed", "svg", "frame", "frameset", "base", "meta", "link")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self.script = False
        self.body = False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.body = True
        self.script = tag in ("script", "style")
        if tag == "meta" and dict(attrs).get("http-equiv"):
            self.found.append("<meta http-equiv> (a refresh sends the reader elsewhere)")
        if not self.body:
            return
        if tag in self.EMBEDS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                self.found.append(f"<{tag} {name}=...>")
            if re.match(r"^\s*(javascript|vbscript|data)\s*:", value) and name in (
                "href",
                "src",
                "action",
                "xlink:href",
                "poster",
                "data",
            ):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if name in ("src", "poster", "data", "srcset") and re.match(r"^(https?:)?//", value):
                self.found.append(f"<{tag} {name}={value[:40]}> (a request leaving the site)")
        if tag == "script" and re.match(r"^(https?:)?//", dict(attrs).get("src") or ""):
            self.found.append("<script src> from outside the site")

    def handle_endtag(self, tag):
        self.script = False

    def handle_data(self, data):
        if self.script and "PWNED" in data:
            self.found.append("a script holding the payload")
        elif not self.script:
            self.text.append(data)


def live_markup(html: str) -> tuple[list[str], str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found, "".join(parser.text)


@pytest.fixture(scope="module", params=BUILDERS)
def built(request, tmp_path_factory):
    builder = request.param
    out = tmp_path_factory.mktemp(f"hostile-{builder}") / builder
    code, _stdout, stderr = sphinx_build(HOSTILE, out, builder)
    assert code == 0, stderr
    return builder, out, stderr


def pages(builder: str, out: Path) -> list[Path]:
    suffix = {"epub": ".xhtml", "latex": ".tex", "text": ".txt"}.get(builder, ".html")
    found = [p for p in out.rglob(f"*{suffix}") if "_static" not in p.parts]
    assert found, f"no {suffix} output in {out}"
    return found


def test_no_builder_writes_what_a_quiz_refused_or_any_raw_markup(built):
    builder, out, stderr = built
    # The build did refuse (and report) the hostile parts: it is not quiet about them.
    assert "[quiz.raw-html]" in stderr
    joined = "\n".join(p.read_text(encoding="utf-8") for p in pages(builder, out))
    if builder in WEB:
        for page in pages(builder, out):
            found, _text = live_markup(page.read_text(encoding="utf-8"))
            assert found == [], f"{page.name}: {found}"
    elif builder == "latex":
        # Raw LaTeX would be written as is; shown as the author's source it is escaped.
        assert "\\PWNEDLATEX" not in joined
        assert "\\PYGZbs{}PWNEDLATEX" in joined
        joined = joined.replace("\\PYGZhy{}", "-")
    else:
        # Raw text would be written as is, once more than the source shown in the box.
        assert joined.count("PWNED-RAW-TEXT") == joined.count("{raw} text") == 1
    # The refused question is shown as what its author wrote, whatever the builder.
    assert ":id: h-raw-print" in joined
    assert ":id: h-script-block" in joined


@pytest.mark.parametrize("builder", ["html"])
def test_the_error_box_shows_the_refused_source_as_text(tmp_path_factory, builder):
    out = tmp_path_factory.mktemp("hostile-box") / builder
    code, _stdout, stderr = sphinx_build(HOSTILE, out, builder)
    assert code == 0, stderr
    found, text = live_markup((out / "refused.html").read_text(encoding="utf-8"))
    assert found == []
    # The author's own lines, inert: a reviewer sees exactly what was refused.
    for written in (
        "<script>alert('PWNED'); document.title = 'PWNED';</script>",
        'Which <img src="x" onerror="alert(\'PWNED\')"> one?',
        "```{raw} html",
        ".. raw:: html",
        "{include} snippets/payload.md",
    ):
        assert written in text, written
    reviewed, text = live_markup((out / "reviewed.html").read_text(encoding="utf-8"))
    assert reviewed == []
    intro = (out / "intro.html").read_text(encoding="utf-8")
    assert live_markup(intro)[0] == []
    # A quiz-level problem refuses only what it reports: the valid question still renders.
    assert 'data-kq-id="h-intro-ok"' in intro
    assert "Intro" in live_markup(intro)[1] and " text." in live_markup(intro)[1]


def test_links_and_images_that_could_run_or_reach_out_are_neutralised(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-links") / "html"
    code, _stdout, stderr = sphinx_build(HOSTILE, out, "html")
    assert code == 0, stderr
    unsafe = [
        m
        for m in map(WARNING.match, (line.strip() for line in stderr.splitlines()))
        if m and m["type"] == "quiz.unsafe-url" and m["path"].endswith("valid.md")
    ]
    assert len(unsafe) == 5, stderr
    assert "meta tag (`.. meta::`) in a quiz" in stderr
    html = (out / "valid.html").read_text(encoding="utf-8")
    assert live_markup(html)[0] == []
    # The question itself still works: what was reported is gone, the rest stays.
    assert 'data-kq-id="h-links"' in html
    assert "A link" in live_markup(html)[1]


def test_raw_html_in_an_included_file_is_reported_there(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-include") / "html"
    code, _stdout, stderr = sphinx_build(HOSTILE, out, "html")
    assert code == 0, stderr
    warnings = [WARNING.match(line.strip()) for line in stderr.splitlines()]
    raw = [w for w in warnings if w and w["type"] == "quiz.raw-html"]
    payload = [w for w in raw if w["path"].endswith("snippets/payload.md")]
    assert sorted(int(w["line"]) for w in payload) == [1, 3], [w.group(0) for w in raw]
    assert not [w for w in raw if w["path"].endswith("refused.md") and int(w["line"]) < 5]


# ---- option values as MyST reads them ---------------------------------------------------------

#: option -> (value written, what the built page must show for it)
VALUES = {
    "id": ("ans-{form}", 'data-kq-id="ans-{form}"'),
    "kind": ("typed", 'data-kq-kind="typed"'),
    "xp": ("15", '<span class="kq-xp">15 XP</span>'),
    "accept": ("*args | *rest", 'data-kq-accept="[&quot;*args&quot;, &quot;*rest&quot;]"'),
    "number": ("0.5", 'data-kq-number="0.5"'),
    "tolerance": ("0.25", 'data-kq-tolerance="0.25"'),
    "class": ("extra-look", 'class="kq-quiz extra-look"'),
}
FORMS = ["unquoted", "double", "single", "escaped", "literal", "folded"]
PARTS = ["hint", "explanation", "feedback"]


def written(form: str, name: str, value: str) -> tuple[str, bool]:
    """(the option as written in ``form``, True when it is a YAML block)."""
    if form == "unquoted":
        return f":{name}: {value}", False
    if form == "double":
        return f':{name}: "{value}"', False
    if form == "single":
        return f":{name}: '{value}'", False
    if form == "escaped":
        # The first character as a \x escape, and a single-quoted '' escape where it fits.
        return f':{name}: "\\x{ord(value[0]):02x}{value[1:]}"', False
    indicator = "|-" if form == "literal" else ">"
    return f"{name}: {indicator}\n  {value}", True


def question_page(form: str, name: str) -> str:
    value = VALUES[name][0].format(form=form)
    base = {"id": f"q-{name}-{form}", "kind": "typed", "accept": "fine"}
    if name == "tolerance":
        base["number"] = "1"
    if name == "number":
        del base["accept"]
    if name != "class":
        base.pop(name, None)
    option, block = written(form, name, value)
    quiz_options, question_options = "", ""
    others = [f"{key}: {val}" for key, val in base.items()]
    if name == "class":
        quiz_options = f"---\n{option}\n---\n" if block else option + "\n"
        question_options = "".join(f":{line}\n" for line in others)
    elif block:
        question_options = "---\n" + "\n".join([*others, option]) + "\n---\n"
    else:
        question_options = "".join(f":{line}\n" for line in others) + option + "\n"
    return (
        f"# {name} {form}\n\n::::::{{quiz}}\n{quiz_options}\n:::::{{question}}\n"
        f"{question_options}\nType it.\n\n::::{{explanation}}\nBecause.\n::::\n:::::\n::::::\n"
    )


@pytest.fixture(scope="module")
def option_site(tmp_path_factory):
    src = tmp_path_factory.mktemp("option-forms") / "src"
    src.mkdir()
    # The repository root is on sys.path in the tests (conftest.py).
    shutil.copy(HOSTILE.parent / "test-quiz-invalid" / "conf.py", src / "conf.py")
    names = []
    for name in VALUES:
        for form in FORMS:
            (src / f"{name}-{form}.md").write_text(question_page(form, name), encoding="utf-8")
            names.append(f"{name}-{form}")
    # The flag, in every form that gives it no value, and the separators-only answer.
    for form, line in {
        "bare": ":shuffle:",
        "double": ':shuffle: ""',
        "single": ":shuffle: ''",
    }.items():
        (src / f"shuffle-{form}.md").write_text(
            f"# shuffle {form}\n\n::::::{{quiz}}\n:::::{{question}}\n:id: q-shuffle-{form}\n"
            f"{line}\n\nWhich?\n\n- [x] a\n- [ ] b\n\n::::{{explanation}}\nBecause.\n::::\n"
            ":::::\n::::::\n",
            encoding="utf-8",
        )
        names.append(f"shuffle-{form}")
    # The parts take no option: one written in any form is reported, never shown as text.
    for part in PARTS:
        for form in FORMS:
            option, block = written(form, "class", "tip")
            head = f"---\n{option}\n---\n" if block else option + "\n"
            body = f"::::{{{part}}}\n{head}\nSome words.\n::::\n"
            hint = body if part == "hint" else ""
            explanation = body if part == "explanation" else "::::{explanation}\nBecause.\n::::\n"
            feedback = (
                "\n" + "\n".join("  " + line for line in body.splitlines()) + "\n"
                if part == "feedback"
                else ""
            )
            (src / f"part-{part}-{form}.md").write_text(
                f"# {part} {form}\n\n::::::{{quiz}}\n:::::{{question}}\n:id: q-{part}-{form}\n\n"
                f"Which?\n\n- [x] a\n- [ ] b\n{feedback}\n{hint}\n{explanation}:::::\n::::::\n",
                encoding="utf-8",
            )
            names.append(f"part-{part}-{form}")
    toctree = "\n".join(names)
    (src / "index.md").write_text(f"# Forms\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
    out, warnings = build_in_process(src)
    return out, warnings


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", sorted(VALUES))
def test_every_option_value_is_read_as_myst_parsed_it(option_site, name, form):
    out, warnings = option_site
    page = f"{name}-{form}"
    assert f"{page}.md" not in warnings, warnings
    html = (out / f"{page}.html").read_text(encoding="utf-8")
    assert VALUES[name][1].format(form=form) in html, question_page(form, name)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("part", PARTS)
def test_an_option_on_a_part_is_reported_in_every_form(option_site, part, form):
    _out, warnings = option_site
    mine = [line for line in warnings.splitlines() if f"part-{part}-{form}.md:" in line]
    assert len(mine) == 1, warnings
    assert f"unknown option ':class:' in {{{part}}}" in mine[0]


@pytest.mark.parametrize("form", ["bare", "double", "single"])
def test_a_flag_written_without_a_value_switches_it_on(option_site, form):
    out, warnings = option_site
    assert f"shuffle-{form}.md" not in warnings, warnings
    assert "data-kq-shuffle" in (out / f"shuffle-{form}.html").read_text(encoding="utf-8")


def test_a_quoted_answer_is_accepted_without_its_quotes(option_site):
    out, _warnings = option_site
    html = (out / "accept-double.html").read_text(encoding="utf-8")
    accept = re.search(r'data-kq-accept="([^"]*)"', html)[1]
    assert json.loads(unescape(accept)) == ["*args", "*rest"]


# ---- lines -------------------------------------------------------------------------------------

BREAKS = {"form-feed": "\f", "line-separator": "\u2028", "next-line": "\x85", "vt": "\v"}


@pytest.fixture(scope="module")
def line_site(tmp_path_factory):
    src = tmp_path_factory.mktemp("line-breaks") / "src"
    shutil.copytree(
        HOSTILE.parent / "test-quiz-invalid", src, ignore=shutil.ignore_patterns("*.md")
    )
    names = []
    for name, brk in BREAKS.items():
        text = (
            f"# Breaks {name}\n\nA paragraph{brk}with a break.\n\n::::::{{quiz}}\n"
            f"Intro{brk}line.\n\n:::::{{question}}\n:id: q-{name}\n:xp: lots\n\nWhich?\n\n"
            "- [x] a\n- [ ] a\n\n::::{explanation}\nBecause.\n::::\n:::::\n::::::\n"
        )
        (src / f"{name}.md").write_text(text, encoding="utf-8")
        names.append(name)
    (src / "index.md").write_text(
        "# Lines\n\n```{toctree}\n" + "\n".join(names) + "\n```\n", encoding="utf-8"
    )
    _out, warnings = build_in_process(src)
    return src, warnings


def newline_line(path: Path, text: str) -> int:
    """The line of ``text`` as an editor (and MyST) counts lines: by newline characters."""
    lines = path.read_text(encoding="utf-8").split("\n")
    (number,) = [n for n, line in enumerate(lines, 1) if line.strip() == text]
    return number


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_lines_stay_right_after_any_unicode_line_break(line_site, name):
    src, warnings = line_site
    found = {}
    for raw in warnings.splitlines():
        match = WARNING.match(raw.strip())
        if match and Path(match["path"]).name == f"{name}.md":
            found[match["type"]] = int(match["line"])
    page = src / f"{name}.md"
    assert found == {
        "quiz.bad-xp": newline_line(page, ":xp: lots"),
        "quiz.duplicate-option": newline_line(page, "- [ ] a"),
    }, warnings


def test_problems_in_an_included_file_name_that_file_and_line(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(
        HOSTILE.parent / "test-quiz-invalid", src, ignore=shutil.ignore_patterns("*.md")
    )
    (src / "parts").mkdir()
    (src / "parts" / "quiz.md").write_text(
        "::::::{quiz}\n:::::{question}\n:id: q-inc\n:xp: lots\n\nWhich?\n\n- [x] a\n- [ ] b\n"
        ":::::\n::::::\n",
        encoding="utf-8",
    )
    # Only the options of a question, from a file of their own.
    (src / "parts" / "options.md").write_text("- [x] a\n- [ ] a\n", encoding="utf-8")
    (src / "index.md").write_text(
        "# Include\n\nOne.\n\nTwo.\n\n```{include} parts/quiz.md\n```\n\n::::::{quiz}\n"
        ":::::{question}\n:id: q-inc-options\n\nWhich?\n\n```{include} parts/options.md\n```\n\n"
        "<b>raw</b>\n\n::::{explanation}\nBecause.\n::::\n:::::\n::::::\n",
        encoding="utf-8",
    )
    (src / "conf.py").write_text(
        (src / "conf.py").read_text(encoding="utf-8") + '\nexclude_patterns += ["parts"]\n',
        encoding="utf-8",
    )
    _out, warnings = build_in_process(src)
    found = sorted(
        (Path(m["path"]).relative_to(src).as_posix(), int(m["line"]), m["type"])
        for m in map(WARNING.match, (w.strip() for w in warnings.splitlines()))
        if m and m["type"].startswith("quiz.")
    )
    assert found == [
        # The including page's own lines stay right after the included file.
        ("index.md", 19, "quiz.raw-html"),
        ("index.md", 19, "quiz.structure"),
        ("parts/options.md", 2, "quiz.duplicate-option"),
        ("parts/quiz.md", 2, "quiz.no-explanation"),
        ("parts/quiz.md", 4, "quiz.bad-xp"),
    ], warnings
