"""The data other extensions read: the ``quiz`` domain and ``questions_by_doc``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from extensions.quiz import questions_by_doc

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture
def app(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-quiz-basic", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    app.build()
    yield app
    app.cleanup()


def test_questions_map_each_id_to_its_page_line_xp_and_kind(app):
    questions = app.env.get_domain("quiz").data["questions"]
    assert questions["basic-single"] == {
        "docname": "index",
        "lineno": 9,
        "xp": 15,
        "kind": "single",
    }
    assert questions["basic-order"] == {"docname": "index", "lineno": 77, "xp": 10, "kind": "order"}
    assert questions["derived-quiz2-2"]["kind"] == "typed"
    assert len(questions) == 8
    for info in questions.values():
        assert set(info) == {"docname", "lineno", "xp", "kind"}


def test_questions_by_doc_lists_pages_in_document_order(app):
    assert questions_by_doc(app.env) == {
        "index": [
            ("basic-single", 15),
            ("basic-multiple", 10),
            ("basic-typed", 10),
            ("basic-number", 10),
            ("basic-order", 10),
        ],
        "derived": [("derived-quiz1-1", 10), ("derived-quiz2-1", 10), ("derived-quiz2-2", 10)],
    }


def test_clear_doc_forgets_a_page(app):
    domain = app.env.get_domain("quiz")
    domain.clear_doc("index")
    assert set(questions_by_doc(app.env)) == {"derived"}
    assert "basic-single" not in domain.data["questions"]


def test_merge_copies_only_the_given_documents(app):
    domain = app.env.get_domain("quiz")
    other = {
        "docs": {
            "extra": [["x-1", 20, "single", 3, "extra.md"]],
            "ignored": [["y-1", 30, "single", 3, "ignored.md"]],
        }
    }
    domain.merge_domaindata({"extra"}, other)
    by_doc = questions_by_doc(app.env)
    assert by_doc["extra"] == [("x-1", 20)]
    assert "ignored" not in by_doc
    assert "y-1" not in domain.data["questions"]


def test_incremental_rebuild_updates_data_and_forgets_fixed_duplicates(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-quiz-parallel", srcdir)
    first = SphinxTestApp("html", srcdir=srcdir)
    try:
        first.build()
        assert "[quiz.duplicate-id]" in strip_colors(first.warning.getvalue())
        assert ("p-alpha-1", 10) not in questions_by_doc(first.env)["hotel"]
    finally:
        first.cleanup()

    hotel = srcdir / "hotel.md"
    hotel.write_text(hotel.read_text().replace(":id: p-alpha-1", ":id: p-hotel-1"))
    second = SphinxTestApp("html", srcdir=srcdir)
    try:
        second.build()
        assert "[quiz.duplicate-id]" not in strip_colors(second.warning.getvalue())
        assert questions_by_doc(second.env)["hotel"] == [("p-hotel-1", 17), ("p-hotel-2", 10)]
        assert second.env.get_domain("quiz").data["questions"]["p-alpha-1"]["docname"] == "alpha"
    finally:
        second.cleanup()
