"""Reading the authoring syntax: the directives and the assembly of a question from its content.

A question's content is parsed like any other Sphinx content (so inline code, code blocks, math,
links and cross-references work) and then taken apart: the text before the options list is the
question, task-list items are options, ``{hint}`` / ``{explanation}`` / ``{feedback}`` directives
leave marker nodes that are collected here. ``validate.py`` decides whether the result is usable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.admonitions import Hint as SphinxHint
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes

from . import validate
from .nodes import (
    kq_explanation,
    kq_feedback,
    kq_hint,
    kq_label,
    kq_option,
    kq_options,
    kq_question,
    kq_quiz,
    kq_text,
)
from .problems import Problem, error_box, report

# Keys in env.current_document while a quiz / a question is being parsed.
QUIZ_KEY = "kq_quiz"
QUESTION_KEY = "kq_question"
LAST_QUIZ_KEY = "kq_last_quiz_line"  # line of the page's latest {quiz}, for the fence hint

TEXT_MARKER = re.compile(r"^\[([ xX])\](\s+|$)")


class UnknownOption(str):
    """The value of an option no quiz directive declares (reported by the directive itself)."""


class OpenOptionSpec(dict):
    """An option spec that lets unknown options through, marked as ``UnknownOption``.

    The parsers would otherwise report an unknown option with their own generic message and drop
    it; this way the directive reports it as ``quiz.unknown_option`` and shows an error box.
    """

    def __missing__(self, key: str):
        return lambda value: UnknownOption(value or "")


def option_line(directive: SphinxDirective, name: str) -> int:
    """Best-effort line of ``:name:`` in the directive's source (else the directive's line)."""
    pattern = re.compile(rf"^\s*:?{re.escape(name)}:")
    for offset, text in enumerate(directive.block_text.splitlines()):
        if pattern.match(text):
            return directive.lineno + offset
    return directive.lineno


def parse_body(directive: SphinxDirective) -> list[nodes.Node]:
    """``parse_content_to_nodes()``, with MyST's line numbers put right.

    MyST 5 numbers the content of a colon-fence directive one line too low when the content
    starts on the line right after the fence (no options, no blank line), as in a {quiz} that
    opens straight into its first {question}; every warning inside would name the wrong line.
    The offset is recomputed from the source file (the directive's ``block_text`` is no help:
    MyST adds a blank line to it in exactly that case).
    """
    offset = directive.content_offset
    first = directive.content[0].strip() if directive.content else ""
    if first and type(directive.state).__module__.startswith("myst_parser"):
        source, lineno = directive.get_source_info()
        lines = _source_lines(directive, source)
        if lines is not None:
            # lines[lineno - 1] is the opening fence; the content starts after options/blanks.
            found = next(
                (
                    i
                    for i in range(lineno, min(len(lines), lineno + 50))
                    if lines[i].strip() == first
                ),
                None,
            )
            if found is not None:
                # MyST puts content line k on line (lineno + offset + 1 + k).
                offset = found - lineno
    return nested_parse_to_nodes(
        directive.state, directive.content, offset=offset, allow_section_headings=False
    )


def _source_lines(directive: SphinxDirective, source: str) -> list[str] | None:
    cache = directive.env.current_document.setdefault("kq_source_lines", {})
    if source not in cache:
        try:
            cache[source] = Path(source).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[source] = None
    return cache[source]


def derive_id(docname: str, quiz_index: int, question_index: int) -> str:
    """The id of a question written without ``:id:``.

    ``tracks/01-why-keras``, first quiz, third question -> ``tracks-01-why-keras-quiz1-3``.
    It changes when the page is renamed or a question is inserted before it, which is why
    authors should write ``:id:`` (learner progress is stored by id).
    """
    slug = re.sub(r"[^A-Za-z0-9]+", "-", docname).strip("-").lower()
    return f"{slug}-quiz{quiz_index}-{question_index}"


def node_line(node: nodes.Node, default: int) -> int:
    line = getattr(node, "line", None)
    return line if isinstance(line, int) and line > 0 else default


class QuizBase(SphinxDirective):
    has_content = True

    def problem(self, subtype: str, message: str, line: int | None = None) -> Problem:
        source, own_line = self.get_source_info()
        return Problem(subtype, message, source, line or own_line)

    def fail(self, problems: list[Problem], *context: nodes.Node) -> list[nodes.Node]:
        report(problems)
        return [error_box(problems, str(self.env.srcdir), *context)]

    def unknown_options(self, known: list[str]) -> list[Problem]:
        listed = ", ".join(f":{name}:" for name in known) or "none"
        return [
            self.problem(
                "unknown_option",
                f"unknown option ':{name}:' in {{{self.name}}} (known options: {listed})",
                option_line(self, name),
            )
            for name, value in self.options.items()
            if isinstance(value, UnknownOption)
        ]


class QuizDirective(QuizBase):
    """``{quiz}``: a container of questions (plus optional introductory content)."""

    option_spec = OpenOptionSpec({"class": directives.class_option})

    def run(self) -> list[nodes.Node]:
        doc = self.env.current_document
        if doc.get(QUIZ_KEY) is not None:
            # Its questions still count as the outer quiz's: report, but keep them.
            problem = self.problem("structure", "a {quiz} cannot contain another {quiz}")
            return [*self.fail([problem]), *parse_body(self)]
        index = self.env.new_serialno("kq-quiz") + 1
        doc[QUIZ_KEY] = {"index": index, "count": 0}
        doc[LAST_QUIZ_KEY] = self.get_source_info()[1]
        try:
            children = parse_body(self)
        finally:
            doc[QUIZ_KEY] = None
        problems = self.unknown_options(["class"])
        if not problems and not any(
            child.next_node(kq_question, include_self=True) is not None
            or child.next_node(nodes.error, include_self=True) is not None
            for child in children
        ):
            problems.append(self.problem("empty_quiz", "a {quiz} without any {question}"))
        quiz = kq_quiz("", *children, index=index, classes=self.options.get("class", []))
        self.set_source_info(quiz)
        if problems:
            # The box goes above the quiz; its questions still render.
            return [*self.fail(problems), quiz]
        return [quiz]


class QuestionDirective(QuizBase):
    """``{question}``: one question; see the module docstring for how its content is read."""

    option_spec = OpenOptionSpec(
        {
            "id": directives.unchanged,
            "kind": directives.unchanged,
            "xp": directives.unchanged,
            "shuffle": directives.flag,
            "accept": directives.unchanged,
            "number": directives.unchanged,
            "tolerance": directives.unchanged,
        }
    )

    def run(self) -> list[nodes.Node]:
        doc = self.env.current_document
        quiz = doc.get(QUIZ_KEY)
        if quiz is None and doc.get(LAST_QUIZ_KEY) is not None:
            # The usual cause: `:::{quiz}` around `:::{question}`. A colon fence ends at the
            # first bare line of at least as many colons, so the first question's closing
            # fence closed the quiz and every later question falls out of it.
            return self.fail(
                [
                    self.problem(
                        "fence",
                        "a {question} outside a {quiz}, after the {quiz} at line "
                        f"{doc[LAST_QUIZ_KEY]}: that quiz was probably closed early by a "
                        "question's closing fence. An outer colon fence must have more colons "
                        "than the fences inside it: write '::::{quiz}' ... '::::' around "
                        "':::{question}' ... ':::' (or more colons still if the questions hold "
                        "fenced parts)",
                    )
                ]
            )
        if quiz is None or doc.get(QUESTION_KEY):
            where = "inside another {question}" if quiz else "outside a {quiz}"
            return self.fail(
                [
                    self.problem(
                        "structure", f"a {{question}} {where}; put it directly in a {{quiz}}"
                    )
                ]
            )
        quiz["count"] += 1
        doc[QUESTION_KEY] = True
        try:
            children = parse_body(self)
        finally:
            doc[QUESTION_KEY] = False

        source, line = self.get_source_info()
        explicit_id = (self.options.get("id") or "").strip()
        draft = Draft(
            source=source,
            line=line,
            qid=explicit_id or derive_id(self.env.docname, quiz["index"], quiz["count"]),
            derived_id=not explicit_id,
            kind=(self.options.get("kind") or "single").strip(),
            options={k: v for k, v in self.options.items() if not isinstance(v, UnknownOption)},
            option_lines={name: option_line(self, name) for name in self.options},
        )
        problems = self.unknown_options(sorted(self.option_spec))
        problems += assemble(draft, children)
        problems += validate.check(draft)
        if problems:
            return self.fail(problems, *draft.text)
        return [build_node(draft)]


class HintDirective(SphinxHint):
    """``{hint}``: a question's hint inside a question, the usual admonition everywhere else."""

    def run(self) -> list[nodes.Node]:
        if not self.env.current_document.get(QUESTION_KEY):
            return super().run()
        hint = kq_hint("", *parse_body(self))
        self.set_source_info(hint)
        return [hint]


class QuestionPart(QuizBase):
    """A part that only means something inside a question; anywhere else it is reported."""

    node_class: type[nodes.Element]
    outside: tuple[str, str]  # (subtype, message) for a use outside a question

    def run(self) -> list[nodes.Node]:
        children = parse_body(self)
        if not self.env.current_document.get(QUESTION_KEY):
            return self.fail([self.problem(*self.outside)], *children)
        part = self.node_class("", *children)
        self.set_source_info(part)
        return [part]


class ExplanationDirective(QuestionPart):
    """``{explanation}``: why the answer is right; shown with the answer."""

    node_class = kq_explanation
    outside = (
        "structure",
        "an {explanation} outside a {question}; put it inside the question it explains",
    )


ORPHAN_MESSAGE = (
    "{feedback} attached to nothing: write it inside an option (indented under `- [ ] ...`)"
)


class FeedbackDirective(QuestionPart):
    """``{feedback}``: feedback for the option it is written in."""

    node_class = kq_feedback
    outside = ("feedback_orphan", ORPHAN_MESSAGE)


@dataclass
class DraftOption:
    label: list[nodes.Node]
    correct: bool
    line: int
    feedback: list[nodes.Node] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The text used to spot duplicate options."""
        return " ".join(nodes.Element("", *self.label).astext().split()).lower()


@dataclass
class Draft:
    """A question as written, before validation."""

    source: str
    line: int
    qid: str
    derived_id: bool
    kind: str
    options: dict[str, object]
    option_lines: dict[str, int]
    text: list[nodes.Node] = field(default_factory=list)
    choices: list[DraftOption] | None = None
    hint: kq_hint | None = None
    explanation: kq_explanation | None = None


def assemble(draft: Draft, children: list[nodes.Node]) -> list[Problem]:
    """Fill ``draft`` from the parsed content; return the structural problems found."""
    problems: list[Problem] = []

    def problem(subtype: str, message: str, node: nodes.Node | None = None) -> None:
        line = node_line(node, draft.line) if node is not None else draft.line
        problems.append(Problem(subtype, message, draft.source, line))

    body: list[nodes.Node] = []
    options_list: nodes.Element | None = None
    for child in children:
        if isinstance(child, kq_hint):
            if draft.hint is not None:
                problem("structure", "a question can have only one {hint}", child)
            draft.hint = child
        elif isinstance(child, kq_explanation):
            if draft.explanation is not None:
                problem("structure", "a question can have only one {explanation}", child)
            draft.explanation = child
        else:
            body.append(child)

    list_type = {"single": nodes.bullet_list, "multiple": nodes.bullet_list}.get(draft.kind)
    if draft.kind == "order":
        list_type = nodes.enumerated_list
    positions = [i for i, n in enumerate(body) if list_type and isinstance(n, list_type)]
    if positions:
        at = positions[-1]
        draft.text, options_list, after = body[:at], body[at], body[at + 1 :]
        draft.choices = []
        for item in options_list.children:
            if draft.kind == "order":
                option = _read_order_item(item, problem)
            else:
                option = _read_choice_item(item, problem)
            if option is not None:
                draft.choices.append(option)
        for stray in after:
            if not isinstance(stray, kq_feedback):
                where = "ordering" if draft.kind == "order" else "options"
                problem(
                    "structure",
                    f"content after the {where} list is not part of the question; move it above "
                    "the list or into the {explanation}",
                    stray,
                )
    else:
        draft.text = body
        if list_type is not None:
            draft.choices = []
        if draft.kind in ("typed", "order"):
            for stray in body:
                if isinstance(stray, nodes.bullet_list) and "contains-task-list" in stray.get(
                    "classes", []
                ):
                    problem(
                        "structure",
                        f"a {draft.kind} question has a task list of options; remove it or "
                        "change :kind:",
                        stray,
                    )

    # A {feedback} anywhere but directly in an option item is attached to nothing.
    for place in [*body, draft.hint, draft.explanation]:
        if place is None:
            continue
        if place is options_list:
            continue  # its items were read above, where a {feedback} belongs
        for orphan in place.findall(kq_feedback):
            problem("feedback_orphan", ORPHAN_MESSAGE, orphan)
    # A {hint} or {explanation} belongs directly in the question, not inside another part.
    for place in [*body, draft.hint, draft.explanation]:
        if place is None:
            continue
        for nested in place.findall(lambda n: isinstance(n, (kq_hint, kq_explanation))):
            if nested is not place:
                name = "a {hint}" if isinstance(nested, kq_hint) else "an {explanation}"
                problem(
                    "structure",
                    f"{name} nested inside another part; put it directly in the {{question}}",
                    nested,
                )
    return problems


def _read_choice_item(item: nodes.Element, problem) -> DraftOption | None:
    """One task-list item: ``- [x] label`` with feedback indented under it."""
    para = item.children[0] if item.children else None
    if not isinstance(para, nodes.paragraph):
        problem("empty_option", "an option with no text: write `- [x] text` or `- [ ] text`", item)
        return None
    inline = list(para.children)
    correct: bool | None = None
    if "task-list-item" in item.get("classes", []) and inline and isinstance(inline[0], nodes.raw):
        correct = "checked" in inline[0].astext()
        inline = inline[1:]
    elif inline and isinstance(inline[0], nodes.Text) and TEXT_MARKER.match(inline[0].astext()):
        # Without MyST's tasklist extension (or in reStructuredText) the marker stays text.
        marker = TEXT_MARKER.match(inline[0].astext())
        correct = marker.group(1) != " "
        inline = [nodes.Text(inline[0].astext()[marker.end() :]), *inline[1:]]
    if correct is None:
        text = " ".join(para.astext().split())[:40]
        problem(
            "option_marker",
            f"option '{text}' has no [x] or [ ] marker: write `- [x] ...` for a correct option "
            "and `- [ ] ...` for a wrong one",
            item,
        )
        return None
    label, continuation = _split_first_line(inline)
    option = DraftOption(label=label, correct=correct, line=node_line(item, 0))
    if continuation:
        option.feedback.append(nodes.paragraph("", "", *continuation))
    for extra in item.children[1:]:
        if isinstance(extra, kq_feedback):
            option.feedback.extend(extra.children)
        else:
            option.feedback.append(extra)
    for nested in option.feedback:
        for orphan in nested.findall(kq_feedback):
            problem("feedback_orphan", ORPHAN_MESSAGE, orphan)
    if not nodes.Element("", *label).astext().strip():
        problem("empty_option", "an option with no text after its [x] / [ ] marker", item)
    return option


def _read_order_item(item: nodes.Element, problem) -> DraftOption | None:
    """One item of an ordering: a single paragraph (lines may wrap)."""
    para = item.children[0] if item.children else None
    if not isinstance(para, nodes.paragraph):
        problem("empty_option", "an ordering item with no text", item)
        return None
    for extra in item.children[1:]:
        if isinstance(extra, kq_feedback) or extra.next_node(kq_feedback) is not None:
            problem(
                "feedback_orphan",
                "{feedback} attached to nothing: ordering items have no feedback; "
                "explain the order in the {explanation}",
                extra,
            )
        else:
            problem(
                "structure",
                "an ordering item must be a single paragraph (use inline `code` for code lines)",
                extra,
            )
    option = DraftOption(label=list(para.children), correct=True, line=node_line(item, 0))
    if not para.astext().strip():
        problem("empty_option", "an ordering item with no text", item)
    return option


def _split_first_line(inline: list[nodes.Node]) -> tuple[list[nodes.Node], list[nodes.Node]]:
    """Split inline nodes at the first line break: the option is one line, the rest feedback."""
    for index, child in enumerate(inline):
        if isinstance(child, nodes.Text) and "\n" in child.astext():
            head, tail = child.astext().split("\n", 1)
            label = [*inline[:index], nodes.Text(head.rstrip())] if head.strip() else inline[:index]
            rest = [nodes.Text(tail.lstrip())] if tail.strip() else []
            rest += inline[index + 1 :]
            return _strip(label), _strip(rest)
    return _strip(inline), []


def _strip(inline: list[nodes.Node]) -> list[nodes.Node]:
    """Drop leading/trailing whitespace-only text nodes."""
    while inline and isinstance(inline[0], nodes.Text) and not inline[0].astext().strip():
        inline = inline[1:]
    while inline and isinstance(inline[-1], nodes.Text) and not inline[-1].astext().strip():
        inline = inline[:-1]
    if inline and isinstance(inline[0], nodes.Text):
        inline = [nodes.Text(inline[0].astext().lstrip()), *inline[1:]]
    return inline


def build_node(draft: Draft) -> kq_question:
    """The builder-neutral node of a question that passed validation."""
    options = draft.options
    question = kq_question(
        "",
        qid=draft.qid,
        kind=draft.kind,
        xp=validate.parse_xp(options.get("xp")),
        shuffle="shuffle" in options,
        derived_id=draft.derived_id,
        accept=validate.parse_accept(options.get("accept")),
        accept_text=[
            alt.strip() for alt in str(options.get("accept") or "").split("|") if alt.strip()
        ],
    )
    number = validate.parse_number(options.get("number"))
    if number is not None:
        # Only typed questions with :number: carry these (absent, not None, in the doctree).
        question["number"] = number
        question["tolerance"] = validate.parse_number(options.get("tolerance")) or 0.0
    question.source, question.line = draft.source, draft.line
    question += kq_text("", *draft.text)
    if draft.choices is not None:
        choices = kq_options()
        for choice in draft.choices:
            option = kq_option("", kq_label("", "", *choice.label), correct=choice.correct)
            option.source, option.line = draft.source, choice.line
            if choice.feedback:
                option += kq_feedback("", *choice.feedback)
            choices += option
        question += choices
    if draft.hint is not None:
        question += draft.hint
    question += draft.explanation
    return question
