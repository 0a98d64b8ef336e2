"""Turning the builder-neutral quiz nodes into output, just before writing.

Web HTML builders (html, dirhtml, singlehtml) get the interactive rendering; every other builder,
including EPUB (HTML without a reliable script), gets the printable one. Both number questions per
source document and put that document's answer key at its end. In builders that join many
documents into one (LaTeX, singlehtml, texinfo, man) each document keeps its own numbering and key.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import render_html, render_static
from .nodes import NEUTRAL_NODES, kq_question, kq_quiz
from .problems import Problem, error_box, relative_path
from .render_common import text_of


def is_interactive(builder) -> bool:
    """HTML meant for a browser; EPUB and other embedded HTML get the printable rendering."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


class QuizPostTransform(SphinxPostTransform):
    # After cross-references are resolved (10), so copies in the answer key carry resolved links.
    default_priority = 200

    def run(self, **kwargs) -> None:
        questions = list(self.document.findall(kq_question))
        quizzes = list(self.document.findall(kq_quiz))
        if not questions and not quizzes:
            self._flatten_leftovers()
            return
        # The builder class, as Sphinx's own post-transforms read it (SphinxPostTransform.app
        # is deprecated); format and embedded are class attributes.
        builder = self.env._builder_cls
        renderer = render_html if is_interactive(builder) else render_static
        options = {} if renderer is render_html else {"letters_in_text": builder.format == "text"}
        domain = self.env.get_domain("quiz")

        groups: dict[int, tuple[nodes.Element, list]] = {}
        for question in questions:
            owner = _owner(question, self.document)
            _owner_node, entries = groups.setdefault(id(owner), (owner, []))
            first = domain.first_occurrence(question["qid"])
            if first is not None and first != (question.get("docname"), question.get("position")):
                question.replace_self(self._duplicate_box(question, first))
                continue
            number = len(entries) + 1
            rendered, key_entry = renderer.render_question(question, number, **options)
            question.replace_self(rendered)
            entries.append((number, question["qid"], key_entry))

        for quiz in quizzes:
            quiz.replace_self(renderer.render_quiz(quiz))
        for owner, entries in groups.values():
            if entries:
                parent, index = _end_of_page(owner)
                parent.insert(index, renderer.render_key(entries))
        self._flatten_leftovers()

    def _duplicate_box(self, question: kq_question, first: tuple[str, int]) -> nodes.Node:
        domain = self.env.get_domain("quiz")
        owner = domain.docs[first[0]][first[1]]
        where = f"{relative_path(owner[4], str(self.env.srcdir))}:{owner[3]}"
        problem = Problem(
            "duplicate_id",
            f"question id '{question['qid']}' is already used by the question at {where}",
            question.source or "",
            question.line,
        )
        # Already reported as a warning by QuizDomain.check_consistency.
        return error_box([problem], str(self.env.srcdir), *text_of(question))

    def _flatten_leftovers(self) -> None:
        """Quiz parts shown inside an error box become plain containers any builder can write."""
        for node in list(self.document.findall(lambda n: isinstance(n, NEUTRAL_NODES))):
            node.replace_self(nodes.container("", *node.children))


def _owner(node: nodes.Node, root: nodes.document) -> nodes.Element:
    """The document a node was written in: its nearest start_of_file, or the page itself."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.start_of_file):
            return parent
        parent = parent.parent
    return root


def _end_of_page(owner: nodes.Element) -> tuple[nodes.Element, int]:
    """Where the answer key goes: the end of the document's own content.

    That is the end of its top-level section (so the key stays inside the page's chapter in
    PDF), but before any sub-documents a toctree pulled into it.
    """
    sections = [child for child in owner.children if isinstance(child, nodes.section)]
    parent = sections[-1] if sections else owner
    index = len(parent.children)
    while index > 0 and parent.children[index - 1].next_node(
        addnodes.start_of_file, include_self=True
    ):
        index -= 1
    return parent, index
