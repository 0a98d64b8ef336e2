"""Doctree and HTML of each question kind (golden files), assets, search index and derived ids.

Golden files live in tests/roots/test-quiz-basic/_expected/<question id>.{xml,html}. After an
intended change, regenerate them with ``KQ_REGENERATE=1 pytest tests/test_quiz_html.py`` and
review the diff.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest

from extensions.quiz.assets import GZIP_BUDGET
from extensions.quiz.nodes import kq_question

BASIC = Path(__file__).parent / "roots" / "test-quiz-basic"
EXPECTED = BASIC / "_expected"
STATIC = Path(__file__).parent.parent / "extensions" / "quiz" / "static"
KINDS = {
    "basic-single": "single",
    "basic-multiple": "multiple",
    "basic-typed": "typed",
    "basic-number": "typed",
    "basic-order": "order",
}


@pytest.fixture(scope="module")
def root_build(build_root):
    done = build_root("quiz-basic", "html")
    assert done.returncode == 0, done.warnings
    return done.outdir, done.app.env.get_doctree("index")


def _golden(name: str, actual: str) -> None:
    path = EXPECTED / name
    if os.environ.get("KQ_REGENERATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual)
    assert path.is_file(), f"{path} is missing: run with KQ_REGENERATE=1"
    assert actual == path.read_text()


def _fieldset(html: str, qid: str) -> str:
    match = re.search(rf'<fieldset [^>]*data-kq-id="{qid}".*?</fieldset>', html, re.S)
    assert match, qid
    return match.group(0)


@pytest.mark.parametrize("qid", list(KINDS))
def test_doctree_of_each_kind(root_build, qid):
    _outdir, doctree = root_build
    (question,) = [q for q in doctree.findall(kq_question) if q["qid"] == qid]
    assert question["kind"] == KINDS[qid]
    _golden(f"{qid}.xml", question.pformat())


@pytest.mark.parametrize("qid", list(KINDS))
def test_html_of_each_kind(root_build, qid):
    outdir, _doctree = root_build
    fieldset = _fieldset((outdir / "index.html").read_text(), qid)
    assert fieldset.startswith(
        f'<fieldset class="kq-question" data-kq-id="{qid}" data-kq-kind="{KINDS[qid]}" '
        f'id="kq-{qid}"'
    )
    _golden(f"{qid}.html", fieldset + "\n")


def test_feedback_forms_all_attach_to_their_option(root_build):
    _outdir, doctree = root_build
    (question,) = [q for q in doctree.findall(kq_question) if q["qid"] == "basic-multiple"]
    options = question.findall(lambda n: n.tagname == "kq_option")
    feedback = {o.children[0].astext(): o.children[1].astext() for o in options if len(o) > 1}
    # A separate indented paragraph, and a {feedback} directive inside the item.
    assert feedback == {
        "torch": "PyTorch is supported since Keras 3.0.",
        "Theano": "Theano support ended with Keras 2.3.",
    }
    (single,) = [q for q in doctree.findall(kq_question) if q["qid"] == "basic-single"]
    # A line right under the option (no blank line) is feedback, not part of the option.
    labels = [o.children[0].astext() for o in single.findall(lambda n: n.tagname == "kq_option")]
    assert labels == ["2013", "2015", "2017"]


def test_every_question_sits_in_a_quiz_container(root_build):
    outdir, _doctree = root_build
    html = (outdir / "index.html").read_text()
    quiz = html[html.index('<div class="kq-quiz">') :]
    assert quiz.count('class="kq-question"') == 5


def test_without_id_the_id_is_derived_from_page_quiz_and_position(root_build):
    outdir, _doctree = root_build
    html = (outdir / "derived.html").read_text()
    ids = re.findall(r'data-kq-id="([^"]+)"', html)
    assert ids == ["derived-quiz1-1", "derived-quiz2-1", "derived-quiz2-2"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [("index", True), ("derived", True), ("assets", True), ("plain", False)],
)
def test_assets_load_only_where_needed(root_build, page, expected):
    outdir, _doctree = root_build
    html = (outdir / f"{page}.html").read_text()
    assert ('src="_static/kq-quiz.js' in html) is expected
    assert ('href="_static/kq-quiz.css' in html) is expected
    if expected:
        assert re.search(r'<script defer="defer" src="_static/kq-quiz\.js', html)


def test_a_hint_outside_a_question_stays_an_admonition(root_build):
    outdir, _doctree = root_build
    html = (outdir / "plain.html").read_text()
    assert 'class="admonition hint"' in html
    assert "Outside a question, a hint is the usual admonition." in html


def _search_terms(outdir: Path) -> dict:
    text = (outdir / "searchindex.js").read_text()
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return index["terms"]


def test_search_indexes_question_text_but_not_answers(root_build):
    outdir, _doctree = root_build
    terms = _search_terms(outdir)
    assert "zanzibarword" in terms  # only in the text of question 1
    assert "theano" in terms  # an option
    assert "sesquipedalian" not in terms  # only in an explanation: searching must not spoil


def test_quiz_script_and_stylesheet_fit_the_budget():
    total = sum(
        len(gzip.compress((STATIC / name).read_bytes(), 9))
        for name in ("kq-quiz-core.js", "kq-quiz.js", "kq-quiz.css")
    )
    assert total <= GZIP_BUDGET


def test_option_feedback_heading_gets_a_colon_only_after_words_not_after_a_full_stop(build_root):
    """'…every epoch.:' read as a typo on 24 options of the course: a label that ends a sentence
    keeps its own punctuation."""
    page = """# Quiz

:::::{quiz}
::::{question}
:id: colon-q

Pick one.

- [ ] A random 20%, drawn again every epoch.

  Feedback for the sentence.
- [ ] Drawn once

  Feedback for the words.
- [x] The last 20%

:::{explanation}
Keras takes the last samples.
:::
::::
:::::
"""
    root = Path(__file__).parent / "roots" / "test-quiz-basic"
    done = build_root(
        None, "html", pages={"conf.py": (root / "conf.py").read_text(), "index.md": page}
    )
    assert done.returncode == 0 and done.warnings == "", done.warnings
    html = done.page("index.html")
    assert "drawn again every epoch.</strong></p>" in html
    assert "Drawn once</strong>:</p>" in html
    assert ".</strong>:" not in html
