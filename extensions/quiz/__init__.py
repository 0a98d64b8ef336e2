"""Keras Quest quizzes: MyST directives, build-time validation, accessible HTML and print output.

Public interface (other extensions rely on it):

- domain ``quiz``: ``env.get_domain("quiz").data["questions"]`` maps each question id to
  ``{"docname", "lineno", "xp", "kind"}``;
- ``questions_by_doc(env)``: docname -> ``[(qid, xp), ...]`` in document order;
- ``misconceptions(env)``: label -> ``(docname, anchor id, section title)`` for every
  misconception label a quiz option is tagged with (role ``{misconception}`label```);
- HTML: ``<fieldset class="kq-question" data-kq-id data-kq-kind id>`` inside ``.kq-quiz``; the
  input of a tagged option has ``data-kq-misconception="<label>"``. The script dispatches
  ``kq:answer`` ``{id, correct, attempt, revealed, misconceptions, test}`` (plus
  ``practice: true`` after "Practice again", ``skipped: true`` for a question left blank in a
  test) and ``kq:reveal`` ``{id}`` on the question, and
  exposes ``window.KQuiz``: ``enhance(root)``, ``solved(question, {when})`` and
  ``startTest(root, {title, onFinish})`` (see static/kq-quiz.js).

Authoring syntax and options: docs/authoring/quizzes.md.
"""

from __future__ import annotations

from ..builders import add_static_dir, html_visitors
from . import assets, nodes
from .domain import QuizDomain, misconceptions, questions_by_doc
from .parse import (
    ExplanationDirective,
    FeedbackDirective,
    HintDirective,
    MisconceptionRole,
    QuestionDirective,
    QuizDirective,
)
from .transform import RENDERINGS

__all__ = ["misconceptions", "questions_by_doc", "setup"]
__version__ = "0.1.0"


def setup(app):
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    through = (nodes.visit_through, nodes.depart_through)
    for node in nodes.NEUTRAL_NODES:
        app.add_node(
            node,
            **html_visitors(*through),
            **dict.fromkeys(("latex", "text", "man", "texinfo"), through),
        )
    app.add_node(nodes.kq_html, **html_visitors(nodes.visit_kq_html, nodes.depart_kq_html))
    app.add_domain(QuizDomain)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("question", QuestionDirective)
    # Inside a question it is the question's hint; elsewhere it stays the usual admonition.
    app.add_directive("hint", HintDirective, override=True)
    app.add_directive("explanation", ExplanationDirective)
    app.add_directive("feedback", FeedbackDirective)
    app.add_role("misconception", MisconceptionRole())
    for rendering in RENDERINGS:
        app.add_post_transform(rendering)
    add_static_dir(app, assets.STATIC)
    app.connect("html-page-context", assets.link_assets)
    return {
        "version": __version__,
        "env_version": 4,  # 4: every question's id line, refused questions' ids (domain "ids")
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
