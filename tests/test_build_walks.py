"""The shortcuts that keep our extensions cheap in a build give the answers of the slow ways.

- ``extensions.walk.elements`` finds what ``findall(nodes.Element)`` finds, in the same order;
- ``validate.visible`` on ASCII text (a table lookup) agrees with its per-character rule;
- the last quiz rendering (``PrintableQuiz``) skips a page another rendering already rendered,
  which is only right because that rendering leaves no quiz node behind: checked on the pages of
  the quiz test roots, error boxes included, in every builder that renders before it.
"""

from __future__ import annotations

import unicodedata

import pytest
from docutils import nodes
from docutils.core import publish_doctree

from extensions.quiz.nodes import NEUTRAL_NODES, kq_quiz
from extensions.quiz.transform import RENDERED, PrintableQuiz, _collect
from extensions.quiz.validate import visible
from extensions.walk import elements

NESTED_RST = """
Title
=====

Para with *emphasis and **strong** inside* and ``code``.

- item one

  - nested *deep* item

    .. note:: a note with a `link <https://example.org>`_

- item two

Section two
-----------

.. code-block:: python

   print("x")

+-----+-----+
| a   | b   |
+-----+-----+
"""


def test_elements_matches_findall_in_order():
    doctree = publish_doctree(NESTED_RST, settings_overrides={"report_level": 5})
    expected = list(doctree.findall(nodes.Element))
    found = list(elements(doctree))
    assert len(expected) > 20
    assert [id(node) for node in found] == [id(node) for node in expected]
    # From a node inside the tree: that node and what is below it, nothing after it.
    item = next(doctree.findall(nodes.list_item))
    assert [id(n) for n in elements(item)] == [id(n) for n in item.findall(nodes.Element)]


def _visible_by_rule(text: str) -> str:
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc")
    )


@pytest.mark.parametrize("code", range(128))
def test_visible_ascii_follows_the_rule(code):
    text = f"a{chr(code)}b {chr(code)}"
    assert visible(text) == _visible_by_rule(text)


def test_visible_beyond_ascii_unchanged():
    for text in ["é\u200b x", "\u00a0a\u2028b\u200dc", "日本 語\t"]:
        assert visible(text) == _visible_by_rule(text)


def test_printable_rendering_skips_a_rendered_page():
    """The skip itself: a page marked as rendered is left as it is (its quiz node stays)."""
    document = publish_doctree("text", settings_overrides={"report_level": 5})
    document += kq_quiz("")
    setattr(document, RENDERED, True)
    transform = PrintableQuiz.__new__(PrintableQuiz)
    transform.document = document
    transform.run()
    assert next(document.findall(kq_quiz), None) is not None


@pytest.mark.parametrize(
    ("root", "builder"),
    [
        ("quiz-hostile", "html"),
        ("quiz-invalid", "html"),
        ("quiz-invalid", "singlehtml"),
        ("quiz-multi", "singlehtml"),
        ("quiz-basic", "text"),
    ],
)
def test_earlier_renderings_leave_no_quiz_node(build_root, root, builder):
    """What the skip relies on: after the rendering of an html, singlehtml or text build, no
    page holds a quiz node for PrintableQuiz to render."""
    built = build_root(root, builder, fresh_process=False)
    app = built.app
    assert app is not None
    env = app.env
    names = [env.config.root_doc] if builder == "singlehtml" else sorted(env.found_docs)
    seen_quiz = False
    for docname in names:
        if builder == "singlehtml":
            doctree = app.builder.assemble_doctree()
        else:
            seen_quiz |= docname in env.get_domain("quiz").docs
            doctree = env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
        assert getattr(doctree, RENDERED, False), docname
        owners, quizzes, leftovers = _collect(doctree)
        assert (owners, quizzes, leftovers) == ([], [], []), docname
        assert not [n for n in doctree.findall(lambda n: isinstance(n, NEUTRAL_NODES))]
    assert seen_quiz or builder == "singlehtml"
