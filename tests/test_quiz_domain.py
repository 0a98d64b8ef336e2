"""The data other extensions read: the ``quiz`` domain and ``questions_by_doc``."""

from __future__ import annotations

import pytest

import support
from extensions.quiz import questions_by_doc


@pytest.fixture
def app(build_root):
    done = build_root("quiz-basic", "html")
    assert done.returncode == 0, done.warnings
    return done.app


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


def test_incremental_rebuild_updates_data_and_forgets_fixed_duplicates(build_root):
    first = build_root("quiz-parallel", "html")
    assert first.returncode == 0, first.warnings
    assert "[quiz.duplicate-id]" in first.warnings
    assert ("p-alpha-1", 10) not in questions_by_doc(first.app.env)["hotel"]

    hotel = first.srcdir / "hotel.md"
    hotel.write_text(hotel.read_text().replace(":id: p-alpha-1", ":id: p-hotel-1"))
    second = support.build(first.srcdir)  # the same folders: an incremental build
    assert second.returncode == 0, second.warnings
    assert "[quiz.duplicate-id]" not in second.warnings
    env = second.app.env
    assert questions_by_doc(env)["hotel"] == [("p-hotel-1", 17), ("p-hotel-2", 10)]
    assert env.get_domain("quiz").data["questions"]["p-alpha-1"]["docname"] == "alpha"
