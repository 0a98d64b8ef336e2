"""Reading the authoring syntax: the directives and the assembly of a question from its content.

A question's content is parsed like any other Sphinx content (so inline code, code blocks, math,
links and cross-references work) and then taken apart: the text before the options list is the
question, task-list items are options, ``{hint}`` / ``{explanation}`` / ``{feedback}`` directives
leave marker nodes that are collected here. ``validate.py`` decides whether the result is usable.
"""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

from docutils import nodes
from docutils.parsers.rst import directives
from myst_parser.parsers.directives import is_option_line
from myst_parser.parsers.options import TokenizeError, options_to_tokens
from sphinx import addnodes
from sphinx.directives.admonitions import Hint as SphinxHint
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.parsing import nested_parse_to_nodes

from ..walk import elements
from . import validate
from .domain import REFUSED_ID
from .draft import Checked, Draft, DraftOption, RawOption, Tag
from .nodes import (
    kq_explanation,
    kq_feedback,
    kq_hint,
    kq_label,
    kq_misconception,
    kq_option,
    kq_options,
    kq_question,
    kq_quiz,
    kq_section_ref,
    kq_text,
)
from .problems import Problem, QuizWarning, error_box, literal_source, report

# Keys in env.current_document while a quiz / a question is being parsed.
QUIZ_KEY = "kq_quiz"
QUESTION_KEY = "kq_question"
LAST_QUIZ_KEY = "kq_last_quiz_line"  # line of the page's latest {quiz}, for the fence hint

TEXT_MARKER = re.compile(r"^\[([ xX])\](\s+|$)")
#: An option's name as written in an option block MyST could not read (``name: value``).
OPTION_NAME = re.compile(r"^\s*(?P<name>[\w-]+)\s*:(?P<value>.*)$")


class UnknownOption(str):
    """The value of an option no quiz directive declares (reported by the directive itself)."""


class OpenOptionSpec(dict):
    """An option spec that lets unknown options through, marked as ``UnknownOption``.

    The parsers would otherwise report an unknown option with their own generic message and drop
    it; this way the directive reports it as ``quiz.unknown-option`` and shows an error box.
    """

    def __missing__(self, key: str):
        return lambda value: UnknownOption(value or "")

    def __bool__(self) -> bool:
        # MyST looks for an option block only when a directive's option spec is truthy; an
        # open spec takes every option, even when it declares none.
        return True


def newline_lines(text: str) -> list[str]:
    """``text`` split into lines the way MyST (markdown-it) and editors number them: at newlines.

    ``str.splitlines`` also breaks at a form feed, U+2028, U+0085 and other characters that
    are no line break to MyST, which would shift every line number found after one.
    """
    return text.split("\n")


def option_line(directive: SphinxDirective, name: str) -> int:
    """Best-effort line of ``:name:`` in the directive's source (else the directive's line)."""
    pattern = re.compile(rf"^\s*:?{re.escape(name)}:")
    line = source_line(directive)
    for offset, text in enumerate(newline_lines(directive.block_text)):
        if pattern.match(text):
            return line + offset
    return line


def source_line(directive: SphinxDirective) -> int:
    """The line of the directive's opening fence, as it is in the source file.

    MyST 5 reports the line of a directive nested in another one (an admonition, a dropdown, a
    tab-item, a grid-item) relative to the wrong base: a {quiz} placed first inside a
    {dropdown} was reported 18 lines low. Upstream: executablebooks/MyST-Parser#1175 (open when
    this was written) makes directive lines document-relative; ``tests/test_quiz_lines.py``
    fails once the installed MyST gets it right, so this can go. Until then the directive's own
    text is looked up in the file, and the occurrence nearest to MyST's line wins.
    """
    cached = getattr(directive, "_kq_source_line", None)
    if cached is not None:
        return cached
    source, reported = SphinxDirective.get_source_info(directive)
    line = reported
    index = _source_index(directive, source)
    wanted = [text.strip() for text in newline_lines(directive.block_text) if text.strip()][:4]
    if index is not None and wanted:
        found = [start + 1 for start in index.starts(wanted)]
        if found:
            line = min(found, key=lambda candidate: abs(candidate - reported))
    directive._kq_source_line = line
    return line


class _LineIndex:
    """A file's non-blank lines, stripped, with where each text stands: found once per file.

    A page has dozens of quiz directives; looking each one up by scanning the whole file was
    the quiz's largest cost in a build.
    """

    def __init__(self, lines: list[str]):
        self.positions: list[int] = []  # 0-based line of each non-blank line
        self.texts: list[str] = []  # ... and its stripped text
        self.where: dict[str, list[int]] = {}  # stripped text -> ranks in ``texts``
        for position, text in enumerate(lines):
            stripped = text.strip()
            if stripped:
                self.where.setdefault(stripped, []).append(len(self.texts))
                self.positions.append(position)
                self.texts.append(stripped)

    def starts(self, wanted: list[str]) -> list[int]:
        """0-based lines where the non-blank lines from there on begin with ``wanted``."""
        return [
            self.positions[rank]
            for rank in self.where.get(wanted[0], [])
            if self.texts[rank : rank + len(wanted)] == wanted[: len(self.texts) - rank]
        ]


def _source_index(directive: SphinxDirective, source: str) -> _LineIndex | None:
    cache = directive.env.current_document.setdefault("kq_source_index", {})
    if source not in cache:
        lines = _source_lines(directive, source)
        cache[source] = None if lines is None else _LineIndex(lines)
    return cache[source]


def first_content_line(directive: SphinxDirective) -> int | None:
    """The 1-based source line of the directive's first content line, read from the file.

    MyST 5 numbers the content of a colon-fence directive one line too low when the content
    starts on the line right after the fence (no options, no blank line), as in a {quiz} that
    opens straight into its first {question}; every warning inside would name the wrong line.
    The line is found in the source file instead (the directive's ``block_text`` is no help:
    MyST adds a blank line to it in exactly that case). None outside MyST, or when not found.
    """
    first = directive.content[0].strip() if directive.content else ""
    if not first or not type(directive.state).__module__.startswith("myst_parser"):
        return None
    source, _reported = SphinxDirective.get_source_info(directive)
    lineno = source_line(directive)
    lines = _source_lines(directive, source)
    if lines is None:
        return None
    # lines[lineno - 1] is the opening fence; the content starts after options/blanks.
    found = next(
        (i for i in range(lineno, min(len(lines), lineno + 50)) if lines[i].strip() == first),
        None,
    )
    return None if found is None else found + 1


def parse_body(directive: SphinxDirective) -> list[nodes.Node]:
    """``parse_content_to_nodes()``, with MyST's line numbers put right (``first_content_line``)."""
    offset = directive.content_offset
    first_line = first_content_line(directive)
    if first_line is not None:
        # MyST puts content line k on line (lineno + offset + 1 + k).
        offset = first_line - 1 - directive.lineno
    return nested_parse_to_nodes(
        directive.state, directive.content, offset=offset, allow_section_headings=False
    )


def _source_lines(directive: SphinxDirective, source: str) -> list[str] | None:
    cache = directive.env.current_document.setdefault("kq_source_lines", {})
    if source not in cache:
        try:
            cache[source] = newline_lines(Path(source).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            cache[source] = None
    return cache[source]


FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")


def _first_heading(directive: SphinxDirective) -> tuple[int, str] | None:
    """(line, text) of the first Markdown heading in the directive's content, outside code."""
    fence = None
    for offset, text in enumerate(directive.content):
        opening = FENCE.match(text)
        if fence is None and opening:
            fence = opening[1][0] * len(opening[1])
        elif fence is not None and text.strip().startswith(fence):
            fence = None
        elif fence is None and HEADING.match(text):
            first_line = first_content_line(directive) or directive.content_offset + 1
            return first_line + offset, HEADING.match(text)["text"]
    return None


def _inside_question(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (kq_question, nodes.error)):
            return True
        parent = parent.parent
    return False


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


def node_place(node: nodes.Node, source: str, default: int) -> tuple[str, int]:
    """(file, line) of ``node``: the file it was written in when an {include} brought it in."""
    line = getattr(node, "line", None)
    if isinstance(line, int) and line > 0:
        return (getattr(node, "source", None) or source), line
    return source, default


class QuizBase(SphinxDirective):
    has_content = True

    def get_source_info(self) -> tuple[str, int]:
        source, _reported = super().get_source_info()
        return source, source_line(self)

    def problem(self, subtype: str, message: str, line: int | None = None) -> Problem:
        source, own_line = self.get_source_info()
        return Problem(subtype, message, source, line or own_line)

    def fail(self, problems: list[Problem], *context: nodes.Node) -> list[nodes.Node]:
        """Report ``problems``; an error box in place of the directive, showing its source.

        What was refused is never rendered: the box shows the directive as its author wrote it,
        as a literal block (inert in every builder), unless ``context`` says what to show.
        """
        report(problems)
        shown = context or (literal_source(self.block_text),)
        return [error_box(problems, str(self.env.srcdir), *shown)]

    def dropped_options(self, written: list[RawOption]) -> list[Problem]:
        """Options written in the source that MyST did not pass on (it could not read them)."""
        return [
            self.problem(
                QuizWarning.DROPPED_OPTIONS,
                f"the option ':{option.name}:' was dropped while the page was read (MyST could "
                "not read the option block); write each option on its own line as ':name: value' "
                "right after the opening fence",
                option.line,
            )
            for option in written
            if option.name not in self.options
        ]

    def unknown_options(self, known: list[str]) -> list[Problem]:
        listed = ", ".join(f":{name}:" for name in known) or "none"
        return [
            self.problem(
                QuizWarning.UNKNOWN_OPTION,
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
        if self.env.current_document.get(QUIZ_KEY) is not None:
            # Its questions still count as the outer quiz's: report, but keep them.
            problem = self.problem(QuizWarning.STRUCTURE, "a {quiz} cannot contain another {quiz}")
            # Its content is shown (and checked) as the outer quiz's, so the box shows no copy.
            return [*self.fail([problem], nodes.container()), *parse_body(self)]
        index = self.env.new_serialno("kq-quiz") + 1
        children = self.read(index)
        # Its questions reported (and refused) their own raw markup; the rest is the quiz's.
        outside = [
            raw
            for child in children
            for raw in child.findall(nodes.raw)
            if not _is_checkbox(raw) and not _inside_question(raw)
        ]
        children, _removed = remove_raw(children)
        children = [child for child in children if not isinstance(child, nodes.meta)]
        unsafe = neutralise(children, self.get_source_info()[0], self.lineno)
        classes = [name for name in self.options.get("class", []) if isinstance(name, str)]
        problems = [
            *self.option_problems(classes),
            *self.heading_problems(),
            *unsafe,
            *self.raw_problems(outside),
        ]
        if not _has_questions(children):
            problems.append(self.problem(QuizWarning.EMPTY_QUIZ, "a {quiz} without any {question}"))
        kept = [name for name in classes if not name.startswith("kq-")]
        quiz = kq_quiz("", *children, index=index, classes=kept)
        self.set_source_info(quiz)
        if problems:
            # The box goes above the quiz; its questions still render. What it refused (raw
            # markup) is gone from the quiz, and shown in the box as the author wrote it.
            shown = [literal_source(raw.astext()) for raw in outside]
            return [*self.fail(problems, nodes.container("", *shown)), quiz]
        return [quiz]

    def read(self, index: int) -> list[nodes.Node]:
        """The quiz's content, parsed with this quiz as the one its questions belong to."""
        doc = self.env.current_document
        doc[QUIZ_KEY] = {"index": index, "count": 0}
        doc[LAST_QUIZ_KEY] = self.get_source_info()[1]
        try:
            return parse_body(self)
        finally:
            doc[QUIZ_KEY] = None

    def option_problems(self, classes: list[str]) -> list[Problem]:
        """Unknown and dropped options, and classes with the prefix the quiz's own parts use."""
        problems = self.unknown_options(["class"])
        problems += self.dropped_options(read_options(self))
        reserved = [name for name in classes if name.startswith("kq-")]
        if reserved:
            problems.append(
                self.problem(
                    QuizWarning.RESERVED_CLASS,
                    f"':class: {' '.join(reserved)}' uses the 'kq-' prefix, which names the "
                    "parts the quiz script and the course's styles act on (a quiz marked "
                    "'kq-question' would be taken for a question); choose another name",
                    option_line(self, "class"),
                )
            )
        return problems

    def heading_problems(self) -> list[Problem]:
        """A heading inside the quiz: the sign of a missing closing fence."""
        heading = _first_heading(self)
        if heading is None:
            return []
        line, text = heading
        message = (
            f"the {{quiz}} runs on into the heading '{text}': its closing fence is missing, so "
            "the rest of the page became part of the quiz. Close it with a line of as many "
            "colons as its opening fence, before the heading"
        )
        return [self.problem(QuizWarning.FENCE, message, line)]

    def raw_problems(self, outside: list[nodes.raw]) -> list[Problem]:
        """Raw markup in the quiz but in none of its questions (they report their own)."""
        source = self.get_source_info()[0]
        return [
            Problem(
                QuizWarning.RAW_HTML,
                "raw HTML in a quiz (left out of the page): " + validate.RAW_HTML_ADVICE,
                *node_place(raw, source, self.lineno),
            )
            for raw in outside
        ]


def _has_questions(children: list[nodes.Node]) -> bool:
    """True when the quiz holds a question, working or refused."""
    return any(
        child.next_node(kq_question, include_self=True) is not None
        or child.next_node(nodes.error, include_self=True) is not None
        for child in children
    )


class QuestionDirective(QuizBase):
    """``{question}``: one question; see the module docstring for how its content is read."""

    # Every value passes through as written: validate.py judges and converts them.
    option_spec = OpenOptionSpec(dict.fromkeys(validate.QUESTION_OPTIONS, directives.unchanged))

    def run(self) -> list[nodes.Node]:
        quiz = self.env.current_document.get(QUIZ_KEY)
        misplaced = self.misplaced(quiz)
        if not misplaced:
            quiz["count"] += 1
        # Wherever it stands, its content is read and judged: every problem, in one build.
        number = (quiz["index"], quiz["count"]) if quiz else (0, 0)
        draft = self.read(derive_id(self.env.docname, *number))
        found, checked = validate.check(draft)
        problems = [*misplaced, *self.dropped_options(draft.options), *found]
        if problems:
            return self.refuse(draft, problems)
        return [build_node(draft, checked, self.env.docname)]

    def misplaced(self, quiz: dict | None) -> list[Problem]:
        """The problem of where the question stands: outside a quiz, or in another question."""
        doc = self.env.current_document
        if quiz is None and doc.get(LAST_QUIZ_KEY) is not None:
            # The usual cause: `:::{quiz}` around `:::{question}`. A colon fence ends at the
            # first bare line of at least as many colons, so the first question's closing
            # fence closed the quiz and every later question falls out of it.
            message = (
                f"a {{question}} outside a {{quiz}}, after the {{quiz}} at line "
                f"{doc[LAST_QUIZ_KEY]}: that quiz was probably closed early by a question's "
                "closing fence. An outer colon fence must have more colons than the fences "
                "inside it: write '::::{quiz}' ... '::::' around ':::{question}' ... ':::' (or "
                "more colons still if the questions hold fenced parts)"
            )
            return [self.problem(QuizWarning.FENCE, message)]
        if quiz is None or doc.get(QUESTION_KEY):
            where = "inside another {question}" if quiz else "outside a {quiz}"
            message = f"a {{question}} {where}; put it directly in a {{quiz}}"
            return [self.problem(QuizWarning.STRUCTURE, message)]
        return []

    def read(self, derived_id: str) -> Draft:
        """The question as written: its options, and its content parsed as a question's."""
        doc = self.env.current_document
        outer = doc.get(QUESTION_KEY)
        doc[QUESTION_KEY] = True
        try:
            children = parse_body(self)
        finally:
            doc[QUESTION_KEY] = outer
        source, line = self.get_source_info()
        draft = Draft(source, line, derived_id, options=read_options(self))
        assemble(draft, children)
        _place_tags(draft, _source_lines(self, source))
        return draft

    def refuse(self, draft: Draft, problems: list[Problem]) -> list[nodes.Node]:
        """The error box, carrying the question's id when it is a valid one: the domain checks
        it against every other question's, so a reused id is reported in this same build."""
        box = self.fail(problems)
        qid = draft.value("id")
        if qid and validate.ID_PATTERN.match(qid):
            box[0][REFUSED_ID] = [qid, draft.source, draft.line_of("id")]
        return box


class HintDirective(SphinxHint):
    """``{hint}``: a question's hint inside a question, the usual admonition everywhere else."""

    def run(self) -> list[nodes.Node]:
        if not self.env.current_document.get(QUESTION_KEY):
            return super().run()
        children = parse_body(self)
        hint = kq_hint("", *children)
        if self.options:
            hint["kq_stray_options"] = [(name, option_line(self, name)) for name in self.options]
        self.set_source_info(hint)
        return [hint]


class QuestionPart(QuizBase):
    """A part that only means something inside a question; anywhere else it is reported."""

    node_class: type[nodes.Element]
    outside: tuple[str, str]  # (subtype, message) for a use outside a question
    # It takes no option; an open spec makes MyST read any that is written, so it is reported
    # instead of being shown to learners as the first line of the text.
    option_spec = OpenOptionSpec()

    def run(self) -> list[nodes.Node]:
        children = parse_body(self)
        if not self.env.current_document.get(QUESTION_KEY):
            return self.fail([self.problem(*self.outside)])
        part = self.node_class("", *children)
        # Options it cannot take: the question reports them (validate.py), in its own box.
        if self.options:
            part["kq_stray_options"] = [(name, option_line(self, name)) for name in self.options]
        self.set_source_info(part)
        return [part]


class ExplanationDirective(QuestionPart):
    """``{explanation}``: why the answer is right; shown with the answer."""

    node_class = kq_explanation
    outside = (
        QuizWarning.STRUCTURE,
        "an {explanation} outside a {question}; put it inside the question it explains",
    )


ORPHAN_MESSAGE = (
    "{feedback} attached to nothing: write it inside an option (indented under `- [ ] ...`)"
)


class FeedbackDirective(QuestionPart):
    """``{feedback}``: feedback for the option it is written in."""

    node_class = kq_feedback
    outside = (QuizWarning.FEEDBACK_ORPHAN, ORPHAN_MESSAGE)


class MisconceptionRole(SphinxRole):
    """``{misconception}`label```: tags the option it is written in with the misconception its
    choice reveals, named by the std label of the section that explains it.

    It leaves a marker that ``assemble`` moves onto the option; validation judges the tag and
    the domain checks the label once every document is read.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if not self.env.current_document.get(QUESTION_KEY):
            source, line = self.get_source_info()
            report(
                [
                    Problem(
                        QuizWarning.MISCONCEPTION_PLACE,
                        f"{{misconception}}`{self.text}` outside a question: tag a wrong option "
                        "of a single or multiple choice question with it",
                        source or self.env.doc2path(self.env.docname),
                        line,
                    )
                ]
            )
            return [], []
        return [kq_misconception("", label=self.text, line=self.lineno)], []


def read_options(directive: SphinxDirective) -> list[RawOption]:
    """The directive's options in order, repeats and empty values included, each with the value
    MyST gives it (quotes removed, escapes applied, block scalars joined) and its line.

    MyST hands a directive its options as a dict: a repeated option keeps one value, an option
    block it cannot read is dropped with its own warning, and an empty value looks like a flag.
    The option block is found and read here the way MyST finds and reads it, token by token, so
    all of that stays visible to validation while every value is the one MyST parsed.
    """
    lines = directive.block_text.split("\n")
    line = source_line(directive)
    content = lines[1:]
    if content and content[0].startswith("---"):
        block = []
        for text in content[1:]:
            if text.startswith("---"):
                break
            block.append(text)
        first, text = line + 2, dedent("\n".join(block))
    elif content and is_option_line(content[0]):
        block = []
        for written in content:
            if not is_option_line(written):
                break
            block.append(written.lstrip()[1:])
        first, text = line + 1, "\n".join(block)
    else:
        return []
    try:
        tokens, _state = options_to_tokens(text)
    except TokenizeError:
        # MyST dropped the whole block (and said so); name what was dropped, where.
        return [
            RawOption(match["name"], match["value"].strip(), first + offset)
            for offset, written in enumerate(block)
            if (match := OPTION_NAME.match(written))
        ]
    return [
        RawOption(
            key.value, "" if value is None else str(value.value).strip(), first + key.start.line
        )
        for key, value in tokens
    ]


def assemble(draft: Draft, children: list[nodes.Node]) -> None:
    """Fill ``draft`` with what the parsed content holds; ``validate.check`` judges it."""
    for child in children:
        _mark_task_checkboxes(child)
    body = _sort_parts(draft, children)
    options_list = _read_options_list(draft, body)
    _find_strays(draft, body, options_list)


def _sort_parts(draft: Draft, children: list[nodes.Node]) -> list[nodes.Node]:
    """Hints and explanations into ``draft`` (and any option written on a part, which a part
    cannot take); returns the rest: the question's text, its options and what follows them."""
    body: list[nodes.Node] = []
    for child in children:
        strays = [n for n in _elements(child) if "kq_stray_options" in n]
        for part in strays:
            for name, line in part.attributes.pop("kq_stray_options"):
                draft.stray_options.append((part.tagname.removeprefix("kq_"), name, line))
        if isinstance(child, kq_hint):
            draft.hints.append(child)
        elif isinstance(child, kq_explanation):
            draft.explanations.append(child)
        else:
            body.append(child)
    return body


def _option_lists(kind: str, body: list[nodes.Node]) -> list[nodes.Element]:
    """The lists of ``body`` that hold the options of a question of ``kind``."""
    if kind == "order":
        return [n for n in body if isinstance(n, nodes.enumerated_list)]
    if kind in ("single", "multiple"):
        lists = [n for n in body if isinstance(n, nodes.bullet_list)]
        # A bullet list in the question text is fine; only task lists are options.
        tasks = [n for n in lists if "contains-task-list" in n.get("classes", [])]
        return tasks if len(tasks) > 1 else lists
    return []


def _read_options_list(draft: Draft, body: list[nodes.Node]) -> nodes.Element | None:
    """The question's text and its options into ``draft``; returns the options list, if any."""
    kind = draft.kind
    lists = _option_lists(kind, body)
    options_list = None
    if lists:
        options_list = lists[-1]
        at = body.index(options_list)
        draft.text, draft.after_options = body[:at], body[at + 1 :]
        draft.option_lists = lists
        draft.choices = [
            _read_item(item, _read_order_parts if kind == "order" else _read_choice_parts)
            for item in options_list.children
        ]
    else:
        draft.text = body
        if kind in ("single", "multiple", "order"):
            draft.choices = []
        if kind in ("typed", "order"):
            draft.option_lists = [
                n
                for n in body
                if isinstance(n, nodes.bullet_list) and "contains-task-list" in n.get("classes", [])
            ]
    return options_list


def _find_strays(draft: Draft, body: list[nodes.Node], options_list) -> None:
    """Every part, feedback, raw node and tag in a place it does not belong."""
    if options_list is not None:
        # A {hint} or an {explanation} indented under an option would read as its feedback.
        draft.parts_in_options.extend(
            n for n in _elements(options_list) if isinstance(n, (kq_hint, kq_explanation))
        )
    parts = [*body, *draft.hints, *draft.explanations]
    for place in parts:
        draft.empty_roles.extend(
            text
            for text in place.findall(nodes.Text)
            if EMPTY_ROLE.search(text.astext())
            and not any(isinstance(a, nodes.FixedTextElement) for a in _ancestors(text))
            and not isinstance(text.parent, nodes.literal)
        )
        if place is options_list:
            continue  # its items were read above, where a {feedback} belongs
        draft.orphan_feedback.extend(place.findall(kq_feedback))
        draft.nested_parts.extend(
            nested
            for nested in _elements(place)
            if isinstance(nested, (kq_hint, kq_explanation)) and nested is not place
        )
    for choice in draft.choices or []:
        for block in choice.feedback:
            draft.orphan_feedback.extend(block.findall(kq_feedback))
    for place in parts:
        draft.raw.extend(raw for raw in place.findall(nodes.raw) if not _is_checkbox(raw))
        if place is not options_list:
            draft.misplaced_tags.extend(_take_tags(place))


#: What MyST leaves as text of a ``{misconception}`` role it could not read: an empty one.
EMPTY_ROLE = re.compile(r"\{misconception\}(?!\w)")


def _elements(node: nodes.Node) -> list[nodes.Element]:
    """``node`` and the elements below it, as ``findall(nodes.Element)`` finds them (faster)."""
    return list(elements(node)) if isinstance(node, nodes.Element) else []


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _take_tags(tree: nodes.Node) -> list[Tag]:
    """Remove every ``{misconception}`` marker from ``tree``; return them as tags.

    A paragraph left with nothing visible (the role was all it held) goes too.
    """
    tags = []
    for marker in list(tree.findall(kq_misconception)):
        tags.append(Tag(marker["label"], marker["line"]))
        parent = marker.parent
        parent.remove(marker)
        if isinstance(parent, nodes.paragraph) and not parent.astext().strip():
            if parent.parent is not None:
                parent.parent.remove(parent)
    return tags


def _place_tags(draft: Draft, lines: list[str] | None) -> None:
    """Put each tag on the line it is written on (a role's own line number is relative to the
    wrong base inside nested fences): the first line from its option's that holds the role."""
    if not lines:
        return
    for start, tags in [
        *((choice.line, choice.tags) for choice in draft.choices or []),
        (draft.line, draft.misplaced_tags),
    ]:
        for tag in tags:
            needle = f"{{misconception}}`{tag.label}"
            found = next(
                (i + 1 for i in range(max(start - 1, 0), len(lines)) if needle in lines[i]), None
            )
            if found is not None:
                tag.line = found


def _read_item(item: nodes.Element, read_parts) -> DraftOption:
    """One option as written, its misconception tags taken out first: ``read_parts`` is
    ``_read_choice_parts`` or ``_read_order_parts``."""
    line = node_line(item, 0)
    tags = _take_tags(item)
    option = read_parts(item, line)
    option.tags = tags
    option.source = item.source or ""
    return option


def _read_choice_parts(item: nodes.Element, line: int) -> DraftOption:
    """A task-list item: ``- [x] label`` with feedback indented under it."""
    para = item.children[0] if item.children else None
    if not isinstance(para, nodes.paragraph):
        return DraftOption(label=[], line=line, has_text_paragraph=False)
    inline = list(para.children)
    correct: bool | None = None
    if "task-list-item" in item.get("classes", []) and inline and _is_checkbox(inline[0]):
        correct = "checked" in inline[0].astext()
        inline = inline[1:]
    elif inline and isinstance(inline[0], nodes.Text) and TEXT_MARKER.match(inline[0].astext()):
        # Without MyST's tasklist extension (or in reStructuredText) the marker stays text.
        marker = TEXT_MARKER.match(inline[0].astext())
        correct = marker.group(1) != " "
        inline = [nodes.Text(inline[0].astext()[marker.end() :]), *inline[1:]]
    if correct is None:
        return DraftOption(label=_strip(inline), line=line, correct=None)
    label, continuation = _split_first_line(inline)
    option = DraftOption(label=label, line=line, correct=correct)
    if continuation:
        option.feedback.append(nodes.paragraph("", "", *continuation))
    for extra in item.children[1:]:
        if isinstance(extra, kq_feedback):
            option.feedback.extend(extra.children)
        else:
            option.feedback.append(extra)
    return option


def _mark_task_checkboxes(tree: nodes.Node) -> None:
    """MyST writes each task-list box as raw HTML: mark those, so only an author's HTML counts."""
    for item in tree.findall(nodes.list_item):
        if "task-list-item" not in item.get("classes", []) or not item.children:
            continue
        para = item.children[0]
        if isinstance(para, nodes.paragraph) and para.children and _is_checkbox(para[0]):
            para[0]["kq_task_marker"] = True


#: The one piece of HTML MyST writes itself into a task list item; anything else is an author's.
CHECKBOX = re.compile(
    r'^<input class="task-list-item-checkbox" (?:checked="checked" )?'
    r'(?:disabled="disabled" )?type="checkbox">$'
)


def _is_checkbox(node: nodes.Node) -> bool:
    return isinstance(node, nodes.raw) and bool(CHECKBOX.match(node.astext().strip()))


#: Addresses a link in a quiz may have: the web, mail, or no scheme (a page of the site).
LINK_SCHEMES = ("http", "https", "mailto")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _scheme(uri: str) -> str | None:
    """The scheme of ``uri`` as a browser reads it (controls and spaces ignored), or None."""
    cleaned = "".join(ch for ch in uri if ch.isprintable() and not ch.isspace()).lower()
    if cleaned.startswith("//"):
        return "//"
    match = SCHEME.match(cleaned)
    return match[1] if match else None


def _place_of(node: nodes.Node, source: str, default: int) -> tuple[str, int]:
    """(file, line) of ``node`` or of its nearest ancestor that knows its line."""
    while node is not None:
        line = getattr(node, "line", None)
        if isinstance(line, int) and line > 0:
            return getattr(node, "source", None) or source, line
        node = node.parent
    return source, default


def neutralise(children: list[nodes.Node], source: str, default: int) -> list[Problem]:
    """Make every link and image in a quiz harmless; one problem for each that was changed.

    A link whose address runs a script or carries a page of its own (``javascript:``,
    ``vbscript:``, ``data:``, ...) keeps its text and loses its address; an image from another
    site or a ``data:`` URI is left out (its alt text stays), so a quiz, and every page the
    progress script copies its questions into, makes no request that leaves the site; a
    ``.. meta::`` (a refresh could send the reader elsewhere) is raw markup and goes too.
    """
    problems = []
    for child in children:
        for ref in list(child.findall(nodes.reference)):
            scheme = _scheme(ref.get("refuri", ""))
            if scheme is None or scheme in LINK_SCHEMES:
                continue
            problems.append(
                Problem(
                    QuizWarning.UNSAFE_URL,
                    f"a link to '{ref['refuri'][:60]}' in a quiz: only web (http, https) and "
                    "mail addresses, or pages of the site, may be linked; the link is shown as "
                    "plain text",
                    *_place_of(ref, source, default),
                )
            )
            ref.replace_self(nodes.inline("", "", *ref.children))
        for image in list(child.findall(nodes.image)):
            if _scheme(image.get("uri", "")) is None:
                continue
            problems.append(
                Problem(
                    QuizWarning.UNSAFE_URL,
                    f"the image '{image['uri'][:60]}' in a quiz does not come from the site: "
                    "it is left out, so the quiz makes no request that leaves the site. Copy "
                    "the image into the repository and give its relative path",
                    *_place_of(image, source, default),
                )
            )
            image.replace_self(nodes.inline("", image.get("alt", "")))
        for meta in list(child.findall(nodes.meta)):
            problems.append(
                Problem(
                    QuizWarning.RAW_HTML,
                    "a meta tag (`.. meta::`) in a quiz: it is raw markup for the page's head "
                    "and is left out; " + validate.RAW_HTML_ADVICE,
                    *_place_of(meta, source, default),
                )
            )
            meta.parent.remove(meta)
    return problems


def remove_raw(children: list[nodes.Node]) -> tuple[list[nodes.Node], list[nodes.raw]]:
    """Take every raw node (HTML, LaTeX, text: whatever its format) out of ``children``.

    A quiz's content is published to every builder and copied into other pages by the progress
    script, so no raw markup may stay in it, whatever the page's front matter says and whether or
    not the build fails on warnings. MyST's own task-list checkboxes go too: the renderings draw
    their own controls. Returns (the children left, the author's raw nodes in order).
    """
    found = []
    for child in children:
        for raw in list(child.findall(nodes.raw)):
            if not _is_checkbox(raw):
                found.append(raw)
            if raw.parent is not None:
                raw.parent.remove(raw)
    return [child for child in children if not isinstance(child, nodes.raw)], found


def _read_order_parts(item: nodes.Element, line: int) -> DraftOption:
    """An item of an ordering: a single paragraph (lines may wrap)."""
    para = item.children[0] if item.children else None
    if not isinstance(para, nodes.paragraph):
        return DraftOption(label=[], line=line, correct=True, has_text_paragraph=False)
    return DraftOption(
        label=list(para.children), line=line, correct=True, extra_blocks=list(item.children[1:])
    )


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


def build_node(draft: Draft, checked: Checked, docname: str = "") -> kq_question:
    """The builder-neutral node of a question that passed validation."""
    question = kq_question(
        "",
        qid=checked.qid,
        kind=checked.kind,
        xp=checked.xp,
        shuffle=checked.shuffle,
        derived_id=checked.derived_id,
        accept=checked.accept,
        accept_text=checked.accept_text,
    )
    if checked.number is not None:
        # Only typed questions with :number: carry these (absent, not None, in the doctree).
        question["number"] = checked.number
        question["tolerance"] = checked.tolerance
    question.source, question.line = draft.source, draft.line
    question["id_line"] = draft.line_of("id")  # where a duplicate-id warning points
    question += kq_text("", *draft.text)
    if draft.choices is not None:
        choices = kq_options()
        for index, choice in enumerate(draft.choices):
            option = kq_option("", kq_label("", "", *choice.label), correct=bool(choice.correct))
            if index in checked.misconceptions:
                option["misconception"] = checked.misconceptions[index]
                option["misconception_line"] = choice.tags[0].line
                # Resolved like {ref}`label`; an unknown label is the domain's warning, not
                # a second one from the std domain (refwarn off).
                option += kq_section_ref(
                    "",
                    addnodes.pending_xref(
                        "",
                        nodes.inline("", checked.misconceptions[index]),
                        refdomain="std",
                        reftype="ref",
                        reftarget=checked.misconceptions[index],
                        refexplicit=False,
                        refwarn=False,
                        refdoc=docname,
                    ),
                )
            option.source, option.line = draft.source, choice.line
            if choice.feedback:
                option += kq_feedback("", *choice.feedback)
            choices += option
        question += choices
    if draft.hints:
        question += draft.hints[0]
    question += draft.explanations[0]
    return question
