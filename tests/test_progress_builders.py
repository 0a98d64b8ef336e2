"""Every builder copes with the progress directives.

HTML builders get the hooks and the script; EPUB, LaTeX, text, man and Texinfo get a plain list of
tracks and explanatory text, and nothing broken.
"""

from __future__ import annotations

import re

import pytest
from progress_helpers import build, copy_root, progress_warnings

# File holding the landing page (with the course map) and, where separate, the progress page.
OUTPUTS = {
    "html": ("index.html", "progress.html"),
    "dirhtml": ("index.html", "progress/index.html"),
    "singlehtml": ("index.html", "index.html"),
    "epub": ("index.xhtml", "progress.xhtml"),
    "text": ("index.txt", "progress.txt"),
    "latex": ("*.tex", "*.tex"),
    "man": ("*.1", "*.1"),
    "texinfo": ("*.texi", "*.texi"),
}
WEB = ["html", "dirhtml", "singlehtml"]
PRINTED = ["epub", "text", "latex", "man", "texinfo"]
HOOKS = ["data-kq-", "kq-nojs", "kq-badge", "progress.min.js", "kq-course.", "kq-btn"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    src = copy_root(tmp_path_factory.mktemp("builders") / "src")
    results = {}
    for builder, (landing, progress) in OUTPUTS.items():
        outdir, warnings = build(src, builder)
        assert progress_warnings(warnings) == [], builder
        assert "Traceback" not in warnings
        (landing_file,) = outdir.glob(landing)
        (progress_file,) = outdir.glob(progress)
        results[builder] = (
            outdir,
            landing_file.read_text(encoding="utf-8"),
            progress_file.read_text(encoding="utf-8"),
        )
    return results


@pytest.mark.parametrize("builder", WEB)
def test_web_builders_get_hooks_data_and_assets(outputs, builder):
    outdir, landing, progress = outputs[builder]
    assert re.search(r'<script defer="defer" src="_static/kq-course\.[0-9a-f]{12}\.js', landing)
    assert 'data-kq-track="alpha"' in landing
    assert 'data-kq-panel="data"' in progress
    for name in ("progress.min.js", "progress.min.css"):
        assert (outdir / "_static" / name).is_file()
    # One course file (this build's), and the readable sources are not served.
    assert len(list((outdir / "_static").glob("kq-course.*.js"))) == 1
    assert not (outdir / "_static" / "main.js").exists()


@pytest.mark.parametrize("builder", PRINTED)
def test_printed_builders_get_no_hooks_and_no_script(outputs, builder):
    outdir, landing, progress = outputs[builder]
    for hook in HOOKS:
        assert hook not in landing, hook
        assert hook not in progress, hook
    assert not (outdir / "_static" / "progress.min.js").exists()
    assert not list((outdir / "_static").glob("kq-course.*.js"))


@pytest.mark.parametrize("builder", PRINTED)
def test_printed_course_map_is_a_plain_table_of_contents(outputs, builder):
    _outdir, landing, _progress = outputs[builder]
    text = re.sub(r"\s+", " ", landing)
    for title, totals in [
        ("Track 1: Alpha", "2 questions · 30 XP + 50 XP track bonus"),
        ("Track 2: Beta", "1 question · 15 XP + 50 XP track bonus"),
        ("Track 3: Gamma", "no quiz yet"),
    ]:
        assert title in text
        assert totals in text


@pytest.mark.parametrize("builder", PRINTED)
def test_printed_progress_page_explains_instead_of_showing_controls(outputs, builder):
    _outdir, _landing, progress = outputs[builder]
    text = re.sub(r"\s+", " ", progress)
    assert "The online course shows them here when JavaScript is on." in text
    assert "Reset progress" not in text
    assert "First steps" in text  # achievements stay as a list of what there is to earn


def test_epub_course_map_links_to_the_tracks(outputs):
    _outdir, landing, _progress = outputs["epub"]
    assert 'href="tracks/01-alpha.xhtml"' in landing


def test_latex_course_map_links_to_the_tracks(outputs):
    _outdir, landing, _progress = outputs["latex"]
    assert r"\hyperref[\detokenize{tracks/01-alpha::doc}]" in landing
