"""Turning the builder-neutral quiz nodes into output, just before writing.

One post-transform per rendering, each restricted to the builders it is for (see
``extensions/builders.py``), as sphinx-design does:

- ``html``: interactive questions, each with its own "Show answer"; no page-end answer key;
- ``dirhtml`` and ``singlehtml``: interactive questions and a folded answer key at the end;
- ``text``: the printable rendering, options lettered in the text itself;
- every other builder (EPUB, LaTeX, man, Texinfo, and any HTML without a reliable script):
  the printable rendering with its answer key; this one runs last and renders what is left.

Every rendering numbers questions per source document and puts that document's answer key at
its end. In builders that join many documents into one (LaTeX, singlehtml, texinfo, man) each
document keeps its own numbering and key.
"""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Element
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..builders import INTERACTIVE
from . import render_html, render_static
from .domain import duplicate_message, id_line
from .nodes import NEUTRAL_NODES, kq_question, kq_quiz
from .problems import Problem, QuizWarning, error_box, literal_source, relative_path
from .render_common import text_of

#: Set on a document whose output contains interactive questions (assets.py reads it).
MARK = "kq_interactive"
#: Set (as a Python attribute, never written out) on a document once a rendering has run on it.
RENDERED = "_kq_quiz_rendered"
#: The interactive builders whose pages stand alone: no page-end answer key (see InteractiveQuiz).
WITHOUT_KEY = tuple(name for name in INTERACTIVE if name == "html")


class _QuizRendering(SphinxPostTransform):
    """Render the quiz nodes of a document with ``renderer``; subclasses say for which builders."""

    # After cross-references are resolved (10), so copies in the answer key carry resolved links.
    default_priority = 200
    renderer = render_static
    with_key = True
    #: The rendering that runs after the others and renders what they left (PrintableQuiz).
    last = False
    options: dict = {}
    key_options: dict = {}

    def run(self, **kwargs) -> None:
        if self.last and getattr(self.document, RENDERED, False):
            # A rendering for this builder already replaced every quiz node: walking the whole
            # page again would find none.
            return
        owners, quizzes, leftovers = _collect(self.document)
        # Quiz parts shown inside an error box become plain containers any builder can write;
        # deepest first, so each container receives its already flattened children.
        for node, parent in reversed(leftovers):
            parent.replace(node, nodes.container("", *node.children))
        setattr(self.document, RENDERED, True)
        if not owners and not quizzes:
            return
        renderer, with_key, options = self.renderer, self.with_key, self.options
        domain = self.env.get_domain("quiz")

        keys: list[tuple[nodes.Element, list]] = []
        for owner, owned in owners:
            entries: list = []
            for question in owned:
                first = domain.first_occurrence(question["qid"])
                if first is not None and first != (
                    question.get("docname"),
                    question.get("position"),
                ):
                    question.replace_self(self._duplicate_box(question, first))
                    continue
                number = len(entries) + 1
                rendered, key_entry = renderer.render_question(question, number, **options)
                question.replace_self(rendered)
                entries.append((number, question["qid"], key_entry))
            keys.append((owner, entries))

        if renderer is render_html and any(entries for _owner, entries in keys):
            self.document[MARK] = True
        for quiz, parent in quizzes:
            parent.replace(quiz, renderer.render_quiz(quiz))
        for owner, entries in keys:
            if entries and with_key:
                parent, index = _end_of_page(owner)
                parent.insert(index, renderer.render_key(entries, **self.key_options))

    def _duplicate_box(self, question: kq_question, first: tuple[str, int]) -> nodes.Node:
        domain = self.env.get_domain("quiz")
        owner = domain.docs[first[0]][first[1]]
        where = f"{relative_path(owner[4], str(self.env.srcdir))}:{id_line(owner)}"
        problem = Problem(
            QuizWarning.DUPLICATE_ID,
            duplicate_message(question["qid"], where),
            question.source or "",
            question.get("id_line") or question.line,
        )
        # Already reported as a warning by QuizDomain.check_consistency.
        # The question's text, as text: the box never renders what it refuses.
        text = "\n\n".join(node.astext() for node in text_of(question))
        return error_box([problem], str(self.env.srcdir), literal_source(text))


class InteractiveQuiz(_QuizRendering):
    # Standalone pages leave the page-end key out: each question already has its own "Show
    # answer", and repeating every explanation was most of what quizzes added to build time.
    builders = WITHOUT_KEY
    renderer = render_html
    with_key = False
    options = {"with_key": False}


class InteractiveQuizWithKey(_QuizRendering):
    builders = tuple(name for name in INTERACTIVE if name not in WITHOUT_KEY)
    renderer = render_html
    options = {"with_key": True}


class TextQuiz(_QuizRendering):
    formats = ("text",)
    # The text writer spells bold and italics out (**Question 1**): the quiz's labels go plain.
    options = {"letters_in_text": True, "plain": True}
    key_options = {"plain": True}


class PrintableQuiz(_QuizRendering):
    """Every other builder; after the others, it finds nothing left where they ran."""

    default_priority = _QuizRendering.default_priority + 1
    options = {"letters_in_text": False}
    last = True


RENDERINGS = (InteractiveQuiz, InteractiveQuizWithKey, TextQuiz, PrintableQuiz)


def _collect(root: nodes.document) -> tuple[list, list, list]:
    """Questions grouped by source document, in order; quizzes and other leftover quiz nodes
    (in error boxes), both with their parent.

    A joined tree marks each included document with a ``start_of_file`` node. Walking down from
    the root is the reliable way to find it and to know a node's parent: Sphinx moves a
    document's children under its ``start_of_file`` without updating their ``parent``.
    """
    owners: dict[int, tuple[nodes.Element, list]] = {}
    quizzes: list[tuple[kq_quiz, nodes.Element]] = []
    leftovers: list[tuple[nodes.Element, nodes.Element]] = []
    stack: list[tuple[nodes.Node, nodes.Element | None, nodes.Element]] = [(root, None, root)]
    while stack:
        node, parent, owner = stack.pop()
        if isinstance(node, addnodes.start_of_file):
            owner = node
        if isinstance(node, kq_question):
            owners.setdefault(id(owner), (owner, []))[1].append(node)
            continue
        if isinstance(node, kq_quiz):
            quizzes.append((node, parent))
        elif isinstance(node, NEUTRAL_NODES):
            leftovers.append((node, parent))
        # Text cannot be (or hold) a quiz node: only elements go on the stack.
        children = [child for child in reversed(node.children) if isinstance(child, Element)]
        stack.extend([(child, node, owner) for child in children])
    return list(owners.values()), quizzes, leftovers


def _end_of_page(owner: nodes.Element) -> tuple[nodes.Element, int]:
    """Where the answer key goes: after the last thing the document itself says.

    That is the end of its deepest last section, but before any sub-documents that a toctree
    pulled in there (singlehtml, LaTeX, texinfo and man join documents into one tree).
    """
    parent = owner
    while True:
        index = len(parent.children)
        while index > 0 and _is_subdocuments(parent.children[index - 1]):
            index -= 1
        last = parent.children[index - 1] if index else None
        if isinstance(last, nodes.section):
            parent = last
            continue
        return parent, index


def _is_subdocuments(node: nodes.Node) -> bool:
    if isinstance(node, addnodes.start_of_file):
        return True
    return (
        isinstance(node, nodes.compound)
        and len(node.children) > 0
        and all(isinstance(child, addnodes.start_of_file) for child in node.children)
    )
