"""A parallel build (-j 2) gives exactly what a serial one gives, duplicate ids included.

tests/roots/test-quiz-parallel has eight pages, so Sphinx reads and writes them in chunks in
separate processes; hotel.md reuses an id of alpha.md, which a different worker reads.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from extensions.quiz import misconceptions, questions_by_doc
from support import sphinx_build

ROOT = Path(__file__).parent / "roots" / "test-quiz-parallel"
# Serial builds name one page per step; parallel ones name chunks ("alpha .. delta").
CHUNKS = re.compile(r"reading sources\.\.\. \[\s*\d+%\] \w+ \.\. \w+")
# Both places are the questions' ':id:' lines, where an author changes an id.
DUPLICATE = "question id 'p-alpha-1' is already used by the question at alpha.md:7"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("parallel")
    results = {}
    for name, extra in (("serial", ()), ("parallel", ("-j", "2"))):
        outdir = base / name
        code, out, err = sphinx_build(ROOT, outdir, "html", *extra, "-d", str(base / f"{name}-d"))
        assert code == 0, err
        results[name] = (outdir, out, err)
    return results


def test_the_parallel_build_really_ran_in_chunks(builds):
    _outdir, out, _err = builds["parallel"]
    assert CHUNKS.search(out)


def test_parallel_and_serial_outputs_are_identical(builds):
    serial, parallel = builds["serial"][0], builds["parallel"][0]
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    files = [f for f in files if f.parts[0] != ".doctrees" and f.name != ".buildinfo"]
    assert any(f.suffix == ".html" for f in files)
    for name in files:
        assert (parallel / name).read_bytes() == (serial / name).read_bytes(), name


@pytest.mark.parametrize("mode", ["serial", "parallel"])
def test_the_duplicate_id_is_reported_once_in_both_modes(builds, mode):
    _outdir, _out, err = builds[mode]
    assert err.count("[quiz.duplicate-id]") == 1
    assert DUPLICATE in err
    assert "hotel.md:7" in err


def _domain_data(srcdir, parallel):
    app = SphinxTestApp(
        "html", srcdir=srcdir, builddir=srcdir / f"_build-{parallel}", parallel=parallel
    )
    try:
        app.build()
        if parallel:
            assert CHUNKS.search(strip_colors(app.status.getvalue())), "not read in parallel"
        env = app.env
        return env.get_domain("quiz").data, questions_by_doc(env), misconceptions(env)
    finally:
        app.cleanup()


def test_merged_domain_data_equals_serial_data(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    serial = _domain_data(srcdir, 0)
    parallel = _domain_data(srcdir, 2)
    assert parallel == serial
    data, by_doc, tags = serial
    assert len(data["questions"]) == 15  # 16 questions, one id used twice
    assert data["questions"]["p-alpha-1"]["docname"] == "alpha"
    assert by_doc["hotel"] == [("p-hotel-2", 10)]
    # alpha and hotel tag an option with a label that golf, read by another worker, defines.
    assert tags == {"golf-notes": ("golf", "golf-notes", "Notes on golf")}
    assert [tag[0] for tag in data["tags"]["alpha"]] == ["golf-notes"]
