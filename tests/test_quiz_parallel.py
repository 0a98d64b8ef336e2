"""A parallel build (-j 2) gives exactly what a serial one gives, duplicate ids included.

tests/roots/test-quiz-parallel has eight pages, so Sphinx reads and writes them in chunks in
separate processes; hotel.md reuses an id of alpha.md, which a different worker reads.
"""

from __future__ import annotations

import re

import pytest

import support
from extensions.quiz import misconceptions, questions_by_doc

# Serial builds name one page per step; parallel ones name chunks ("alpha .. delta").
CHUNKS = re.compile(r"reading sources\.\.\. \[\s*\d+%\] \w+ \.\. \w+")
# Both places are the questions' ':id:' lines, where an author changes an id.
DUPLICATE = "question id 'p-alpha-1' is already used by the question at alpha.md:7"


@pytest.fixture(scope="module")
def builds(build_root):
    """Both builds read the same copy of the root, each into folders of its own."""
    serial = build_root("quiz-parallel", "html")
    assert serial.returncode == 0, serial.warnings
    base = serial.srcdir.parent
    parallel = support.build(
        serial.srcdir, "html", "-j", "2", "-d", str(base / "parallel-d"), outdir=base / "parallel"
    )
    assert parallel.returncode == 0, parallel.warnings
    return {
        name: (done.outdir, done.stdout, done.warnings)
        for name, done in (("serial", serial), ("parallel", parallel))
    }


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


def _domain_data(done):
    assert done.returncode == 0, done.warnings
    env = done.app.env
    return env.get_domain("quiz").data, questions_by_doc(env), misconceptions(env)


def test_merged_domain_data_equals_serial_data(build_root):
    first = build_root("quiz-parallel", "html")
    serial = _domain_data(first)
    # The same sources again, in parallel into folders of their own; in this process, so that
    # the application's environment can be read.
    folder = first.srcdir / "_build-2"
    again = support.build(
        first.srcdir,
        "html",
        "-j",
        "2",
        "-d",
        str(folder / "doctrees"),
        outdir=folder / "html",
        fresh_process=False,
    )
    assert CHUNKS.search(again.stdout), "not read in parallel"
    parallel = _domain_data(again)
    assert parallel == serial
    data, by_doc, tags = serial
    assert len(data["questions"]) == 15  # 16 questions, one id used twice
    assert data["questions"]["p-alpha-1"]["docname"] == "alpha"
    assert by_doc["hotel"] == [("p-hotel-2", 10)]
    # alpha and hotel tag an option with a label that golf, read by another worker, defines.
    assert tags == {"golf-notes": ("golf", "golf-notes", "Notes on golf")}
    assert [tag[0] for tag in data["tags"]["alpha"]] == ["golf-notes"]
