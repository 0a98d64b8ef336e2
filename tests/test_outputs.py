"""The book outputs of the whole course are valid: EPUB passes epubcheck, the PDF has no undefined
reference, the text answer key reads cleanly, and no internal link of the web site or the book
leads nowhere (tools/check_links.py; ``tests/test_site.py`` checks dirhtml and singlehtml).

epubcheck and TeX are outside tools. Where one is missing the test that needs it is skipped with
the install line, except under CI (``CI`` set), where ``.ci/run`` installs both, so a missing
tool there is a failure rather than a quiet skip.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import build_course
from tools.check_links import broken_links

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")  # Debian's epubcheck package


def _need(tool: str, install: str) -> None:
    message = f"{tool} is not installed ({install})"
    if os.environ.get("CI"):
        pytest.fail(message + "; .ci/run installs it, so CI must have it", pytrace=False)
    pytest.skip(message)


def epubcheck_command() -> list[str] | None:
    """How to run epubcheck here: $EPUBCHECK, a working `epubcheck`, or Debian's jar with java."""
    configured = os.environ.get("EPUBCHECK")
    if configured:
        return configured.split()
    found = shutil.which("epubcheck")
    if found:
        try:
            works = subprocess.run([found, "--version"], capture_output=True, timeout=120)
            if works.returncode == 0:
                return [found]
        except OSError:
            pass  # Debian's /usr/bin/epubcheck is the jar itself, runnable only via binfmt
    if EPUBCHECK_JAR.is_file() and shutil.which("java"):
        return ["java", "-jar", str(EPUBCHECK_JAR)]
    return None


def _build(outdir: Path, builder: str, doctrees: Path) -> Path:
    returncode, _out, stderr = build_course(
        outdir, builder, "-W", "--keep-going", "-d", str(doctrees)
    )
    assert returncode == 0, stderr
    assert "WARNING" not in stderr, stderr
    return outdir


@pytest.fixture(scope="module")
def epub(tmp_path_factory) -> Path:
    """The course's EPUB output folder (built once for this module)."""
    work = tmp_path_factory.mktemp("epub")
    return _build(work / "epub", "epub", work / "doctrees")


@pytest.mark.slow
def test_epub_passes_epubcheck_with_no_message(epub):
    command = epubcheck_command()
    if command is None:
        _need("epubcheck", "Debian/Ubuntu: sudo apt-get install epubcheck")
    (book,) = epub.glob("*.epub")
    done = subprocess.run([*command, str(book)], capture_output=True, text=True, timeout=600)
    report = done.stdout + done.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in report, report
    assert done.returncode == 0, report


def test_the_link_check_reads_every_html_like_output(tmp_path):
    """XHTML pages (EPUB), links to a folder (dirhtml) and in-page links (singlehtml)."""
    (tmp_path / "index.xhtml").write_text(
        '<a href="a.xhtml#here">A</a> <a href="#document-a#here">twice</a> <a href="#top">T</a>'
        '<span id="top"></span> <a href="sub/">Sub</a> <a href="sub/#gone">Gone</a>',
        encoding="utf-8",
    )
    (tmp_path / "a.xhtml").write_text('<p id="here">A</p>', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text("<p>Sub</p>", encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.xhtml:1: link to '#document-a#here' names an anchor that index.xhtml does not "
        "have; check the heading or label",
        "index.xhtml:1: link to 'sub/#gone' names an anchor that sub/index.html does not have; "
        "check the heading or label",
    ]


@pytest.mark.slow
def test_epub_pages_have_no_broken_internal_link(epub):
    assert broken_links(epub) == []


@pytest.mark.slow
def test_html_site_has_no_broken_internal_link(whole_course):
    assert broken_links(whole_course.outdir) == []


@pytest.mark.slow
def test_epub_shows_every_backend_tab_one_after_the_other(epub):
    page = (epub / "tracks" / "04-models.xhtml").read_text(encoding="utf-8")
    assert "<input" not in page  # sphinx-design's radio buttons are HTML-only
    assert "sd-tab-content" not in page  # its stylesheet would hide every tab but none
    labels = re.findall(r'<p class="kq-static-tabs-label rubric">([^<]+)</p>', page)
    assert labels[:3] == ["JAX", "TensorFlow", "PyTorch"]


@pytest.fixture(scope="module")
def latex(tmp_path_factory) -> Path:
    """The course's LaTeX output folder (built once for this module; no TeX needed)."""
    work = tmp_path_factory.mktemp("latex")
    return _build(work / "latex", "latex", work / "doctrees")


@pytest.mark.slow
def test_pdf_cover_has_title_subtitle_and_mark_and_no_release(latex):
    tex = (latex / "keras-quest.tex").read_text(encoding="utf-8")
    document = tex[tex.index("\\begin{document}") :]
    cover = document[document.index("\\begin{titlepage}") : document.index("\\end{titlepage}")]
    assert "\\sphinxmaketitle" not in document  # our cover instead of Sphinx's
    assert "Keras Quest" in cover
    assert "A free, hands-on course in Keras 3" in cover
    assert "\\includegraphics[width=3.2cm]{kq-logo.pdf}" in cover
    assert (latex / "kq-logo.pdf").read_bytes().startswith(b"%PDF")
    # No "Release 0.1.0": not on the cover, not in the page headers.
    assert "py@release" not in cover and "Release" not in cover
    assert "\\renewcommand{\\py@release}{}" in tex[: tex.index("\\begin{document}")]


@pytest.mark.slow
def test_pdf_starts_every_track_on_a_new_page(latex):
    tex = (latex / "keras-quest.tex").read_text(encoding="utf-8")
    tracks = re.findall(r"\\section\{Track (\d+):", tex)
    assert len(tracks) >= 15, tracks
    after_break = re.findall(r"\\clearpage\s+\\sphinxstepscope\s+\\section\{Track (\d+):", tex)
    assert after_break == tracks


def test_only_a_track_s_own_page_starts_a_new_pdf_page():
    from extensions.compat.latex import starts_a_track

    assert starts_a_track("tracks/05-training")
    assert starts_a_track("tracks/05-training/index")
    assert not starts_a_track("tracks/05-training/appendix")
    assert not starts_a_track("where-next")
    assert not starts_a_track("authoring/quizzes")


@pytest.mark.slow
def test_pdf_builds_with_no_undefined_reference(tmp_path):
    if not (shutil.which("latexmk") and shutil.which("xelatex")):
        _need(
            "TeX (latexmk, xelatex)",
            "Debian/Ubuntu: sudo apt-get install latexmk texlive-xetex texlive-latex-extra "
            "texlive-fonts-recommended fonts-freefont-otf",
        )
    outdir = _build(tmp_path / "latex", "latex", tmp_path / "doctrees")
    done = subprocess.run(
        ["make", "-C", str(outdir), "all-pdf", "LATEXMKOPTS=-g"],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    log = (outdir / "keras-quest.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (outdir / "keras-quest.pdf").stat().st_size > 100_000
    undefined = re.findall(r"(?:Hyper )?[Rr]eference `[^']+' on page \d+\s+undefined", log)
    assert undefined == [], undefined
    assert "There were undefined references" not in log


@pytest.mark.slow
def test_text_answer_key_lists_several_answers_one_per_line(tmp_path):
    outdir = _build(tmp_path / "text", "text", tmp_path / "doctrees")
    text = "\n".join(p.read_text(encoding="utf-8") for p in (outdir / "tracks").glob("*.txt"))
    assert "Answers:" in text and "**Answers:**" not in text  # the quiz's labels are plain text
    assert not re.search(r"[.!?]; \(\w\) ", text), "answers joined after a full stop"
    # Inline code that is a quoted string keeps its own quotes only (extensions/compat/text.py).
    assert '""mse""' not in text and '"mse"' in text
    assert '"jit_compile="auto""' not in text and "'jit_compile=\"auto\"'" in text


TEXT_PAGE = """\
Title
=====

The loss ``"mse"``, the optimizer ``'adam'``, the call ``fit`` and ``print("hi")``; a lone
``"`` and ``x = "a"``; ``say("it's")``.
"""


def test_text_output_quotes_inline_code_once(build_root):
    """Sphinx's text writer quotes every inline literal; extensions/compat adds none to a literal
    that is itself a quoted string (``"mse"`` was ""mse"") and single quotes around one that holds
    a double quote (``print("hi")`` was "print("hi")")."""
    pages = {"conf.py": 'extensions = ["extensions.compat"]\n', "index.rst": TEXT_PAGE}
    done = build_root(None, "text", pages=pages)
    assert done.returncode == 0, done.warnings
    text = " ".join(done.page("index.txt").split())
    assert 'The loss "mse", the optimizer \'adam\', the call "fit" and \'print("hi")\';' in text
    assert 'a lone \'"\' and \'x = "a"\'; "say("it\'s")".' in text
    # Other writers keep their own way: HTML shows the literal as it is.
    html = build_root(None, "html", pages=pages).page("index.html")
    assert "&quot;mse&quot;</span></code>" in html
