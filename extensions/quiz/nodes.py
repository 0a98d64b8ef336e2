"""Doctree nodes of the quiz extension.

Reading produces builder-neutral nodes only (``kq_quiz``, ``kq_question`` and its parts), so the
pickled doctrees do not depend on the builder. Before writing, the post-transforms of
``transform.py`` replace every one of them: interactive HTML becomes ``kq_html`` elements, every
other output becomes standard docutils nodes, which all Sphinx builders already know how to write.
"""

from __future__ import annotations

from html import escape

from docutils import nodes


class kq_quiz(nodes.General, nodes.Element):
    """A quiz: its questions plus any introductory content. Attribute ``index`` (1-based)."""


class kq_question(nodes.General, nodes.Element):
    """One valid question.

    Attributes: ``qid``, ``kind`` (single|multiple|typed|order), ``xp`` (int), ``shuffle`` (bool),
    ``derived_id`` (bool), ``accept`` (normalised answers), ``accept_text`` (as written), and
    ``number`` and ``tolerance`` (floats, only when the question has ``:number:``); set when
    read: ``docname`` and ``position`` (its index among the page's questions).
    Children, in this order: ``kq_text``, ``kq_options`` (not for typed), ``kq_hint``
    (optional), ``kq_explanation``.
    """


class kq_text(nodes.General, nodes.Element):
    """The question text (any body elements)."""


class kq_options(nodes.General, nodes.Element):
    """The options of a choice question, or the items of an ordering in the correct order."""


class kq_option(nodes.General, nodes.Element):
    """One option: a ``kq_label`` and an optional ``kq_feedback``. Attribute ``correct``, and
    ``misconception`` (a std label) on a wrong option its author tagged."""


class kq_label(nodes.Part, nodes.TextElement):
    """The inline content that names an option or an ordering item."""


class kq_feedback(nodes.General, nodes.Element):
    """Feedback shown when the learner chooses the option it belongs to."""


class kq_hint(nodes.General, nodes.Element):
    """The optional hint of a question."""


class kq_explanation(nodes.General, nodes.Element):
    """The required explanation of a question, shown with the answer."""


class kq_misconception(nodes.Inline, nodes.Element):
    """Where the ``{misconception}`` role was written: attributes ``label`` (as written) and
    ``line``. Only a marker: reading a question takes every one out and moves the tag onto its
    option (or reports it), so none reaches a writer.
    """


class kq_section_ref(nodes.General, nodes.Element):
    """On a tagged option: a ``pending_xref`` to the section its misconception label names, so
    Sphinx resolves it like ``{ref}`` (in every builder) before the quiz is rendered."""


class kq_html(nodes.General, nodes.Element):
    """One HTML element (attribute ``tag``, attribute dict ``attrs``) written around its children,
    or, with attribute ``markup``, a ready-made fragment of HTML written as is (fixed parts like
    buttons: one node instead of a dozen, and no words for the search index).

    Only the interactive HTML rendering creates these, so only the html format needs visitors.
    """


VOID_TAGS = frozenset({"input", "br"})


def start_tag(tag: str, attrs: dict) -> str:
    """``<tag a="v" flag>``; attributes whose value is None or False are left out."""
    text = "".join(
        f' {name}="{escape(str(value), quote=True)}"' if value is not True else f" {name}"
        for name, value in attrs.items()
        if value is not None and value is not False
    )
    return f"<{tag}{text}>"


def visit_kq_html(self, node: kq_html) -> None:
    if "markup" in node:
        self.body.append(node["markup"])
        raise nodes.SkipNode
    self.body.append(start_tag(node["tag"], node["attrs"]))
    if node["tag"] in VOID_TAGS:
        raise nodes.SkipNode


def depart_kq_html(self, node: kq_html) -> None:
    self.body.append(f"</{node['tag']}>")


def visit_through(self, node: nodes.Element) -> None:
    """Fallback for a quiz part that reaches a writer: write its content, nothing around it.

    The post-transform replaces every quiz part before writing; this only keeps an unforeseen
    leftover from stopping a build in a builder.
    """


def depart_through(self, node: nodes.Element) -> None:
    pass


NEUTRAL_NODES = (
    kq_quiz,
    kq_question,
    kq_text,
    kq_options,
    kq_option,
    kq_label,
    kq_feedback,
    kq_hint,
    kq_explanation,
    kq_misconception,
    kq_section_ref,
)
