"""The examples extension: backend notes, the Keras version stamp, backend tab checks, markers.

Test roots: tests/roots/test-examples-site (a track page using everything, with its own
pyproject.toml pinning keras==9.8.7), test-examples-badtabs and test-examples-nopin.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extensions.examples.convention import RUN_BACKENDS
from support import build_in_process

ROOTS = Path(__file__).resolve().parent / "roots"
REPO = ROOTS.parents[1]
STAMP = "Examples verified with Keras 9.8.7 on JAX, PyTorch and TensorFlow"
# The track page of test-examples-site, per builder.
TRACK = {
    "html": "tracks/01-demo.html",
    "epub": "tracks/01-demo.xhtml",
    "text": "tracks/01-demo.txt",
    "latex": "*.tex",
    "texinfo": "*.texi",
}


def build(root: str, builder: str, workdir: Path, **overrides) -> tuple[Path, str]:
    """Build a copy of ``tests/roots/test-<root>``; return (output folder, warnings)."""
    srcdir = workdir / root / builder
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    return build_in_process(srcdir, builder, **overrides)


@pytest.fixture(scope="module")
def root_build(tmp_path_factory):
    """builder -> (text of the track page, warnings, output folder)."""
    work = tmp_path_factory.mktemp("examples-site")
    results = {}
    for builder, page in TRACK.items():
        outdir, warnings = build("examples-site", builder, work)
        (path,) = outdir.glob(page)
        results[builder] = (path.read_text(encoding="utf-8"), warnings, outdir)
    return results


@pytest.mark.parametrize("builder", list(TRACK))
def test_every_builder_builds_the_examples_site_without_warnings(root_build, builder):
    _text, warnings, _outdir = root_build[builder]
    assert warnings == ""


@pytest.mark.parametrize("builder", list(TRACK))
def test_track_page_carries_the_stamp_with_the_pinned_version(root_build, builder):
    text, _warnings, _outdir = root_build[builder]
    assert text.count(STAMP) == 1


def test_stamp_stands_between_the_title_and_the_first_paragraph(root_build):
    html, _warnings, _outdir = root_build["html"]
    title = html.index('Track 1: Demo<a class="headerlink"')
    stamp = html.index(f'<p class="kq-examples-stamp">{STAMP}</p>')
    assert title < stamp < html.index("Some words before the code.")


def test_pages_outside_tracks_have_no_stamp(root_build):
    _html, _warnings, outdir = root_build["html"]
    assert "Examples verified" not in (outdir / "index.html").read_text(encoding="utf-8")


def test_backend_note_is_an_admonition_titled_backend_note_in_html(root_build):
    html, _warnings, _outdir = root_build["html"]
    note = re.search(
        r'<div class="(backend-note admonition|admonition backend-note)">\s*'
        r'<p class="admonition-title">Backend Note</p>\s*<p>PyTorch tensors print as',
        html,
    )
    assert note, html


@pytest.mark.parametrize(
    ("builder", "shape"),
    [
        ("latex", "\\begin{sphinxadmonition}{note}{Backend Note}\n\n\\sphinxAtStartPar\nPyTorch"),
        ("text", "Backend Note: PyTorch tensors print as"),
        ("texinfo", "@cartouche\n@quotation Backend Note \nPyTorch tensors print as"),
        ("epub", '<p class="admonition-title">Backend Note</p>'),
    ],
)
def test_backend_note_reads_as_a_plain_titled_admonition_in_printed_formats(
    root_build, builder, shape
):
    text, _warnings, _outdir = root_build[builder]
    assert shape in text


@pytest.mark.parametrize("builder", list(TRACK))
def test_example_markers_leave_no_trace_and_other_comments_stay(root_build, builder):
    text, _warnings, _outdir = root_build[builder]
    assert "example:" not in text
    assert "the marker must not show" not in text
    if builder == "texinfo":  # the one format here that writes comments out
        assert "@c An ordinary comment stays an ordinary comment." in text


@pytest.mark.parametrize(("builder", "styled"), [("html", True), ("epub", True), ("latex", False)])
def test_stylesheet_ships_with_html_formats_only(root_build, builder, styled):
    _text, _warnings, outdir = root_build[builder]
    assert (outdir / "_static" / "kq-examples.css").is_file() is styled


def test_html_links_the_stylesheet_with_light_and_dark_colours(root_build):
    html, _warnings, outdir = root_build["html"]
    assert 'href="../_static/kq-examples.css' in html
    css = (outdir / "_static" / "kq-examples.css").read_text(encoding="utf-8")
    assert 'html[data-theme="dark"]' in css
    assert "div.admonition.backend-note" in css
    assert "⚙️" in css


def warnings_of(text: str, kind: str) -> list[str]:
    return [line for line in text.splitlines() if f"[{kind}]" in line]


def test_bad_backend_tab_sets_are_typed_warnings_with_file_and_line(tmp_path):
    _outdir, warnings = build("examples-badtabs", "html", tmp_path)
    found = warnings_of(warnings, "examples.backend-tab")
    assert len(found) == 3, warnings
    assert re.search(r"index\.md:3: WARNING: unknown backend tab key 'pytorch'", found[0])
    assert re.search(
        r"index\.md:3: WARNING: backend tab-set has no tab for 'tensorflow', 'torch'", found[1]
    )
    assert re.search(
        r"index\.md:19: WARNING: tab-set keyed by backends lacks ':sync-group: backend'", found[2]
    )


def test_backend_tab_warnings_can_be_suppressed_by_type(tmp_path):
    _outdir, warnings = build(
        "examples-badtabs", "html", tmp_path, suppress_warnings=["examples.backend-tab"]
    )
    assert warnings_of(warnings, "examples.backend-tab") == []


def test_a_loose_pin_warns_and_leaves_tracks_unstamped(tmp_path):
    outdir, warnings = build("examples-nopin", "html", tmp_path)
    (found,) = warnings_of(warnings, "examples.pin")
    assert "'keras>=3'; pin one exact version" in found
    assert "Examples verified" not in (outdir / "tracks/01-t.html").read_text(encoding="utf-8")


def test_a_version_set_in_conf_wins(tmp_path):
    outdir, _warnings = build("examples-site", "html", tmp_path, examples_keras_version="4.5.6")
    html = (outdir / "tracks/01-demo.html").read_text(encoding="utf-8")
    assert "Examples verified with Keras 4.5.6 on JAX, PyTorch and TensorFlow" in html


def test_the_site_builds_where_importing_keras_fails(tmp_path):
    # A `keras` that cannot be imported comes first on the path: any import of Keras by the
    # build would fail it.
    poisoned = tmp_path / "poisoned" / "keras"
    poisoned.mkdir(parents=True)
    (poisoned / "__init__.py").write_text('raise ImportError("the site build imported keras")\n')
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-examples-site", srcdir)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(poisoned.parent), str(REPO)])}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-W",
            "-b",
            "html",
            str(srcdir),
            str(tmp_path / "out"),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert STAMP in (tmp_path / "out/tracks/01-demo.html").read_text(encoding="utf-8")


# --- the examples builder: the run plans the example runner executes --------------------------


def test_examples_builder_writes_a_run_plan_per_page(tmp_path):
    outdir, warnings = build("examples-site", "examples", tmp_path)
    assert warnings == ""
    index = json.loads((outdir / "plans.json").read_text(encoding="utf-8"))
    assert index["pages"] == {
        "index": "pages/index.json",
        "tracks/01-demo": "pages/tracks/01-demo.json",
    }
    plan = json.loads((outdir / "pages/tracks/01-demo.json").read_text(encoding="utf-8"))
    assert plan["source"] == "tracks/01-demo.md"
    assert plan["backends"] == list(RUN_BACKENDS) == ["jax", "torch", "tensorflow"]
    assert plan["problems"] == []
    assert plan["blocks"] == [
        {
            "code": 'print("hello")\n',
            "line": 6,
            "code_line": 7,
            "backend": None,
            "skip": "the marker must not show",
            "expected": "hello\n",
            "expected_line": 11,
            "claim": None,
            "hidden": False,
        }
    ]


def test_marker_misuse_is_a_typed_warning_with_file_and_line_and_a_plan_problem(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-examples-site", srcdir)
    (srcdir / "index.md").write_text(
        "# Home\n\n% example: skip\n```python\nx = 1\n```\n\nWords.\n% example: outptu\n",
        encoding="utf-8",
    )
    outdir, warnings = build_in_process(srcdir, "examples")
    found = warnings_of(warnings, "examples.marker")
    assert len(found) == 2, warnings
    assert re.search(r"index\.md:3: WARNING: '% example: skip' needs a reason", found[0])
    assert re.search(
        r"index\.md:9: WARNING: '% example: outptu' is not an example marker", found[1]
    )
    plan = json.loads((outdir / "pages/index.json").read_text(encoding="utf-8"))
    assert [problem["line"] for problem in plan["problems"]] == [3, 9]
    assert plan["blocks"][0]["skip"] == ""


def test_the_warnings_table_lists_every_subtype_from_the_enumeration(tmp_path):
    from extensions.examples.warning_types import Subtype

    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-examples-site", srcdir)
    shutil.rmtree(srcdir / "tracks")  # the table alone
    (srcdir / "index.md").write_text("# Home\n\n```{kq-warnings} examples\n```\n", encoding="utf-8")
    outdir, warnings = build_in_process(srcdir, "text")
    assert warnings == ""
    text = (outdir / "index.txt").read_text(encoding="utf-8")
    for subtype in Subtype:
        assert f'"examples.{subtype.value}"' in text
    assert text.count('"examples.') == len(Subtype)
