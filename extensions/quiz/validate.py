"""Every problem of a question, judged in one place, and its option values converted once.

``parse.py`` records what the author wrote (``draft.Draft``); ``check`` reports all that makes it
unusable or that a learner would see differently from what the author meant, and returns the
converted values (``draft.Checked``) the question is built from. Nothing is repaired silently:
an empty value, a repeated option, a flag with a value, an option made of invisible characters,
raw HTML, all become problems with the line they are on.
"""

from __future__ import annotations

import math
import re
import unicodedata

from docutils import nodes

from .draft import Checked, Draft, DraftOption
from .problems import Problem, QuizWarning

KINDS = ("single", "multiple", "typed", "order")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
DEFAULT_XP = 10
#: More than any one question could be worth; a typo such as ":xp: 1000000" is caught here.
MAX_XP = 1000
TYPED_ONLY = ("accept", "number", "tolerance")
FLAGS = ("shuffle",)
#: Every option a {question} takes; the flags take no value, the others need one.
QUESTION_OPTIONS = ("id", "kind", "xp", "shuffle", "accept", "number", "tolerance")
#: Plain ASCII numbers only: "²", "٣" or "1_000" are not what an author means by a number.
NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$", re.ASCII)
WHOLE = re.compile(r"^\d+$", re.ASCII)
#: A std label as Sphinx stores it: lower case, no spaces (MyST's ``(my-label)=``).
LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9_.:-]*[a-z0-9])?$", re.ASCII)
RAW_HTML_ADVICE = (
    "quizzes are rendered by the course for the web, for print and without JavaScript, and "
    "HTML written into one breaks all three (and could run a script on the site); write it in "
    "Markdown instead"
)


def normalise_answer(text: str) -> str:
    """Typed answers compare case- and whitespace-insensitively (quiz.js does the same)."""
    return "".join(unicodedata.normalize("NFC", text).lower().split())


#: The ASCII characters a reader cannot see: controls (category Cc) and the space.
_ASCII_INVISIBLE = dict.fromkeys([*range(0x21), 0x7F])


def visible(text: str) -> str:
    """``text`` without the characters a reader cannot see (spaces, format and control)."""
    if text.isascii():
        # The same answer as below, without a Unicode lookup for each character (validation
        # reads every option's text): in ASCII, the spaces are controls or the space itself,
        # and no character is of category Cf.
        return text.translate(_ASCII_INVISIBLE)
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc")
    )


def option_key(text: str) -> str:
    """What makes two options the same to a reader: NFKC, case and invisible characters aside."""
    return visible(unicodedata.normalize("NFKC", text)).casefold()


def parse_accept(raw: str | None) -> list[str]:
    """``keras.ops | ops`` -> the distinct normalised alternatives, in the author's order."""
    answers = (normalise_answer(part) for part in str(raw or "").split("|"))
    return list(dict.fromkeys(answer for answer in answers if answer))


def parse_number(raw: str | None) -> float | None:
    """A finite float written in plain ASCII digits, or None."""
    text = (raw or "").strip()
    if not NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def parse_xp(raw: str | None) -> int | None:
    """Whole XP from 0 to ``MAX_XP`` (DEFAULT_XP when not written), or None."""
    if raw is None:
        return DEFAULT_XP
    text = raw.strip()
    if not WHOLE.match(text):
        return None
    value = int(text)
    return value if value <= MAX_XP else None


def _has_content(parts: list[nodes.Node]) -> bool:
    """True when the parts show the reader something: visible text, an image, math or code."""
    for part in parts:
        for node in part.findall(include_self=True):
            if isinstance(node, (nodes.comment, nodes.system_message)):
                continue
            if isinstance(node, (nodes.image, nodes.math_block, nodes.literal_block)):
                return True
            if isinstance(node, nodes.Text) and visible(node.astext()):
                if not any(isinstance(a, nodes.comment) for a in _ancestors(node)):
                    return True
    return False


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def check(draft: Draft) -> tuple[list[Problem], Checked | None]:
    """All the problems of ``draft``, and its converted values when there are none.

    Every check runs whatever an earlier one found, so an author sees every problem of the
    question in one build, each at the line it is on.
    """
    problems: list[Problem] = []
    problem = _collector(draft, problems)
    _check_options(draft, problem)
    _check_values(draft, problem)
    split = _check_parts(draft, problem)
    # With the options split over lists, those read are only some of them: counting would mislead.
    if not split and draft.kind in ("single", "multiple"):
        _check_choices(draft, problem)
    elif not split and draft.kind == "order":
        _check_order(draft, problem)
    elif draft.kind == "typed":
        _check_typed(draft, problem)
    _check_unused(draft, problem)
    tags = _check_tags(draft, problem)
    if problems:
        return problems, None
    return [], _converted(draft, tags)


def _collector(draft: Draft, problems: list[Problem]):
    """``problem(subtype, message, where=None, source="")``, which adds one to ``problems``;
    ``where`` is a line of the question's file, or the node or option it is about."""

    def problem(
        subtype: QuizWarning, message: str, where: int | nodes.Node | None = None, source=""
    ) -> None:
        line = where
        if isinstance(where, nodes.Node):
            source, line = _place(where, draft)
        elif isinstance(where, DraftOption):
            source, line = where.source, where.line
        problems.append(Problem(subtype, message, source or draft.source, line or draft.line))

    return problem


def _converted(draft: Draft, tags: dict[int, str]) -> Checked:
    """The values of a question that has no problem, converted once."""
    qid = draft.value("id")
    xp = parse_xp(draft.value("xp"))
    number = parse_number(draft.value("number"))
    return Checked(
        qid=qid or draft.derived_id,
        derived_id=not qid,
        kind=draft.kind,
        xp=xp if xp is not None else DEFAULT_XP,
        shuffle=draft.option("shuffle") is not None,
        accept=parse_accept(draft.value("accept")),
        accept_text=[a.strip() for a in (draft.value("accept") or "").split("|") if a.strip()],
        number=number,
        tolerance=parse_number(draft.value("tolerance")) or 0.0 if number is not None else 0.0,
        misconceptions=tags,
    )


def suggested_id(qid: str) -> str:
    """A valid id made from an invalid one: accents dropped, every run of other characters
    made one ``-``, and it starts and ends with a letter or digit ('' when nothing is left)."""
    plain = unicodedata.normalize("NFKD", qid).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", plain).strip("-_.")


def _check_values(draft: Draft, problem) -> None:
    """:kind:, :id: and :xp: that cannot be used as written."""
    kind = draft.kind
    if kind not in KINDS and visible(kind):
        problem(
            QuizWarning.UNKNOWN_KIND,
            f"unknown question kind '{kind}': use one of {', '.join(KINDS)}",
            draft.line_of("kind"),
        )
    qid = draft.value("id")
    if visible(qid or "") and not ID_PATTERN.match(qid):
        valid = suggested_id(qid) or draft.derived_id
        problem(
            QuizWarning.BAD_ID,
            f"question id '{qid}' may only contain letters, digits, '-', '_' and '.' "
            f"(and must start with a letter or digit): write ':id: {valid}', for example",
            draft.line_of("id"),
        )
    if parse_xp(draft.value("xp")) is None and draft.value("xp"):
        problem(
            QuizWarning.BAD_XP,
            f"':xp: {draft.value('xp')}' is not a whole number from 0 to {MAX_XP} "
            "(plain digits 0-9)",
            draft.line_of("xp"),
        )


def _check_unused(draft: Draft, problem) -> None:
    """Options that do nothing for the question's kind."""
    kind = draft.kind
    if kind not in KINDS:
        return
    for name in TYPED_ONLY:
        if kind != "typed" and draft.option(name) is not None:
            problem(
                QuizWarning.UNUSED_OPTION,
                f":{name}: only applies to typed questions (this one is {kind})",
                draft.line_of(name),
            )
    if kind in ("typed", "order") and draft.option("shuffle") is not None:
        why = "always shown shuffled" if kind == "order" else "have no options"
        problem(
            QuizWarning.UNUSED_OPTION,
            f":shuffle: has no effect: {kind} questions are {why}",
            draft.line_of("shuffle"),
        )


#: What a tag says when it stands where no tag belongs.
TAGGED_ONLY = "only the wrong options of single and multiple choice questions can be tagged"
TAG_PLACES = {"typed": "a typed question", "order": "an ordering question"}


def _check_tags(draft: Draft, problem) -> dict[int, str]:
    """The misconception tags of the options, by option index; problems for every other use.

    A tag belongs on a wrong option of a single or multiple choice question, one per option,
    and names a label as Sphinx stores it. Whether the label exists is known only once every
    document is read (``QuizDomain.check_consistency``).
    """
    kind = draft.kind
    for tag in draft.misplaced_tags:
        where = (
            f"on {TAG_PLACES[kind]}: {TAGGED_ONLY}"
            if kind in TAG_PLACES
            else (
                "is not on an option: write it in the feedback of a wrong option (indented under "
                "`- [ ] ...`)"
            )
        )
        problem(
            QuizWarning.MISCONCEPTION_PLACE, f"{{misconception}}`{tag.label}` {where}", tag.line
        )
    found: dict[int, str] = {}
    for index, choice in enumerate(draft.choices or []):
        label = _option_tag(draft, choice, problem)
        if label is not None:
            found[index] = label
    return found


def _option_tag(draft: Draft, choice: DraftOption, problem) -> str | None:
    """The label an option is tagged with, when the tag is usable; problems otherwise."""
    for extra in choice.tags[1:]:
        problem(
            QuizWarning.MISCONCEPTION_MALFORMED,
            f"a second {{misconception}} on one option ('{extra.label}' after "
            f"'{choice.tags[0].label}'); an option reveals one misconception: keep one",
            extra.line,
        )
    if not choice.tags:
        return None
    tag = choice.tags[0]
    if draft.kind not in ("single", "multiple"):
        where = TAG_PLACES.get(draft.kind, draft.kind)
        message = f"{{misconception}}`{tag.label}` on {where}: {TAGGED_ONLY}"
        problem(QuizWarning.MISCONCEPTION_PLACE, message, tag.line)
    elif choice.correct:
        problem(
            QuizWarning.MISCONCEPTION_CORRECT,
            f"{{misconception}}`{tag.label}` on a correct option: a tag says which "
            "misconception a wrong choice reveals; move it to a wrong option",
            tag.line,
        )
    elif not LABEL.match(tag.label):
        problem(
            QuizWarning.MISCONCEPTION_MALFORMED,
            f"'{tag.label}' is not a label: write the name of a section label such as "
            "`keras-ops-vs-numpy` (lower-case letters, digits, '-', '_', '.'; no spaces, "
            "no `<...>` or `#`)",
            tag.line,
        )
    else:
        return tag.label
    return None


def _check_options(draft: Draft, problem) -> None:
    seen: dict[str, int] = {}
    for option in draft.options:
        if option.name not in QUESTION_OPTIONS:
            problem(
                QuizWarning.UNKNOWN_OPTION,
                f"unknown option ':{option.name}:' in {{question}} (known options: "
                f"{', '.join(f':{name}:' for name in QUESTION_OPTIONS)})",
                option.line,
            )
            continue
        if option.name in seen:
            problem(
                QuizWarning.REPEATED_OPTION,
                f"':{option.name}:' is given twice (first on line {seen[option.name]}); keep one",
                option.line,
            )
        seen.setdefault(option.name, option.line)
        if option.name in FLAGS:
            if option.value:
                problem(
                    QuizWarning.FLAG_VALUE,
                    f"':{option.name}:' is a switch and takes no value, but has "
                    f"'{option.value}'; write ':{option.name}:' alone to switch it on, or "
                    "delete the line to leave it off",
                    option.line,
                )
        elif not visible(option.value):
            what = "only invisible characters" if option.value else "no value"
            problem(
                QuizWarning.EMPTY_VALUE,
                f"':{option.name}:' has {what}; give it a value or delete the line",
                option.line,
            )


def _check_parts(draft: Draft, problem) -> bool:
    """Problems of the question's parts; True when its options are split over several lists."""
    _check_text(draft, problem)
    _check_strays(draft, problem)
    return _check_lists(draft, problem)


def _check_text(draft: Draft, problem) -> None:
    """The question's text, its explanation and its hint."""
    if not _has_content(draft.text):
        problem(QuizWarning.EMPTY_QUESTION, "the question has no text: write it above the options")
    for misplaced in draft.parts_in_options:
        name = "a {hint}" if misplaced.tagname == "kq_hint" else "an {explanation}"
        problem(
            QuizWarning.STRUCTURE,
            f"{name} inside an option, where it would read as that option's feedback; put it "
            "directly in the {question}, after the options list",
            misplaced,
        )
    for text in draft.empty_roles:
        problem(
            QuizWarning.MISCONCEPTION_MALFORMED,
            "an empty {misconception} role: write the section label between the backticks, "
            "such as {misconception}`keras-ops-vs-numpy`, or delete it",
            text.parent,
        )
    misplaced_explanation = any(p.tagname == "kq_explanation" for p in draft.parts_in_options)
    if not draft.explanations and not misplaced_explanation:
        problem(
            QuizWarning.NO_EXPLANATION,
            "the question has no {explanation}; every question explains its answer",
        )
    elif draft.explanations and not _has_content(list(draft.explanations[0].children)):
        problem(
            QuizWarning.NO_EXPLANATION,
            "the {explanation} is empty (a comment is not an explanation)",
            draft.explanations[0].line or draft.line,
        )
    for extra in draft.hints[1:]:
        problem(QuizWarning.STRUCTURE, "a question can have only one {hint}", extra)
    for extra in draft.explanations[1:]:
        problem(QuizWarning.STRUCTURE, "a question can have only one {explanation}", extra)


def _check_strays(draft: Draft, problem) -> None:
    """Parts, options and markup where a question cannot use them."""
    for nested in draft.nested_parts:
        name = "a {hint}" if nested.tagname == "kq_hint" else "an {explanation}"
        problem(
            QuizWarning.STRUCTURE,
            f"{name} nested inside another part; put it directly in the {{question}}",
            nested,
        )
    for orphan in draft.orphan_feedback:
        problem(
            QuizWarning.FEEDBACK_ORPHAN,
            "{feedback} attached to nothing: write it inside an option (indented under "
            "`- [ ] ...`)",
            orphan,
        )
    for part, name, line in draft.stray_options:
        problem(
            QuizWarning.UNKNOWN_OPTION,
            f"unknown option ':{name}:' in {{{part}}} (known options: none; a question's parts "
            "take no options)",
            line,
        )
    for source, line in dict.fromkeys(_place(raw, draft) for raw in draft.raw):
        problem(QuizWarning.RAW_HTML, "raw HTML in a question: " + RAW_HTML_ADVICE, line, source)


def _check_lists(draft: Draft, problem) -> bool:
    """The options list: what follows it, a list split in two, a task list where none belongs.
    True when the options are split over several lists."""
    where = "ordering" if draft.kind == "order" else "options"
    for stray in draft.after_options:
        if stray.tagname != "kq_feedback":
            problem(
                QuizWarning.STRUCTURE,
                f"content after the {where} list is not part of the question; move it above "
                "the list or into the {explanation}",
                stray,
            )
    if len(draft.option_lists) > 1 and draft.kind in ("single", "multiple", "order"):
        second = draft.option_lists[1]
        problem(
            QuizWarning.SPLIT_OPTIONS,
            f"the {where} are split into {len(draft.option_lists)} lists (a new list starts at "
            f"line {_line(second, draft)}: the bullet character or numbering style changed); "
            f"write every {'item' if draft.kind == 'order' else 'option'} with the same marker",
            second,
        )
        return True
    if draft.kind == "typed" and draft.option_lists:
        problem(
            QuizWarning.STRUCTURE,
            "a typed question has a task list of options; remove it or change :kind:",
            draft.option_lists[0],
        )
    if draft.kind == "order" and draft.option_lists and not draft.choices:
        problem(
            QuizWarning.STRUCTURE,
            "an order question has a task list of options; remove it or change :kind:",
            draft.option_lists[0],
        )
    return False


def _place(node: nodes.Node, draft: Draft) -> tuple[str, int]:
    """(file, line) of ``node``: the file an {include} brought it from, if it came from one."""
    line = getattr(node, "line", None)
    if isinstance(line, int) and line > 0:
        return getattr(node, "source", None) or draft.source, line
    return draft.source, draft.line


def _line(node: nodes.Node, draft: Draft) -> int:
    line = getattr(node, "line", None)
    return line if isinstance(line, int) and line > 0 else draft.line


def _check_items(draft: Draft, problem, what: str) -> None:
    seen: dict[str, int] = {}
    for choice in draft.choices or []:
        if not choice.has_text_paragraph:
            problem(QuizWarning.EMPTY_OPTION, f"an {what} with no text", choice)
            continue
        if draft.kind != "order" and choice.correct is None:
            text = " ".join(choice.text.split())[:40]
            problem(
                QuizWarning.OPTION_MARKER,
                f"option '{text}' has no [x] or [ ] marker: write `- [x] ...` for a correct "
                "option and `- [ ] ...` for a wrong one",
                choice,
            )
            continue
        for extra in choice.extra_blocks:
            if extra.tagname in ("kq_hint", "kq_explanation"):
                continue  # reported where it stands (_check_parts)
            if extra.tagname == "kq_feedback" or extra.next_node(
                lambda n: n.tagname == "kq_feedback"
            ):
                problem(
                    QuizWarning.FEEDBACK_ORPHAN,
                    "{feedback} attached to nothing: ordering items have no feedback; "
                    "explain the order in the {explanation}",
                    extra,
                )
            else:
                problem(
                    QuizWarning.STRUCTURE,
                    "an ordering item must be a single paragraph (use inline `code` for code "
                    "lines)",
                    extra,
                )
        key = option_key(choice.text)
        if not key:
            detail = " (only invisible characters)" if choice.text.strip() else ""
            after = " after its [x] / [ ] marker" if draft.kind != "order" else ""
            problem(QuizWarning.EMPTY_OPTION, f"an {what} with no text{after}{detail}", choice)
        elif key in seen:
            problem(
                QuizWarning.DUPLICATE_OPTION,
                f"duplicate {what} '{' '.join(choice.text.split())}' (the same as line "
                f"{seen[key]} to a reader)",
                choice,
            )
        else:
            seen[key] = choice.line


def _check_choices(draft: Draft, problem) -> None:
    _check_items(draft, problem, "option")
    choices = [c for c in draft.choices or [] if c.has_text_paragraph and c.correct is not None]
    if len(draft.choices or []) < 2:
        count = len(draft.choices or [])
        found = f"only {count}" if count else "no"
        problem(
            QuizWarning.FEW_OPTIONS,
            f"a {draft.kind}-choice question needs at least two options, it has {found}; "
            "write them as a task list (`- [x] right`, `- [ ] wrong`)",
        )
    correct = [choice for choice in choices if choice.correct]
    if choices and not correct:
        problem(
            QuizWarning.NO_CORRECT,
            "no option is marked correct: mark the right one(s) with `- [x]`",
        )
    if draft.kind == "single" and len(correct) > 1:
        lines = ", ".join(str(choice.line) for choice in correct)
        problem(
            QuizWarning.SEVERAL_CORRECT,
            f"a single-choice question has {len(correct)} correct options (lines {lines}); "
            "keep one [x] or use ':kind: multiple'",
            correct[1],
        )


def _check_order(draft: Draft, problem) -> None:
    _check_items(draft, problem, "ordering item")
    items = draft.choices or []
    if len(items) < 2:
        problem(
            QuizWarning.FEW_ITEMS,
            f"an ordering question needs at least two items in a numbered list (`1.`, `2.`), "
            f"it has {len(items)}",
        )


def _check_typed(draft: Draft, problem) -> None:
    number_text = draft.value("number")
    has_number = draft.option("number") is not None
    if number_text and parse_number(number_text) is None:
        problem(
            QuizWarning.BAD_NUMBER,
            f"':number: {number_text}' is not a number (plain digits, e.g. 0.5 or -2e3; "
            "no nan or inf)",
            draft.line_of("number"),
        )
    tolerance_text = draft.value("tolerance")
    if tolerance_text:
        tolerance = parse_number(tolerance_text)
        if tolerance is None or tolerance < 0:
            problem(
                QuizWarning.BAD_NUMBER,
                f"':tolerance: {tolerance_text}' is not a number >= 0",
                draft.line_of("tolerance"),
            )
        elif not has_number:
            problem(
                QuizWarning.BAD_NUMBER,
                ":tolerance: needs a :number: to apply to",
                draft.line_of("tolerance"),
            )
    if not parse_accept(draft.value("accept")) and not has_number:
        line = draft.line_of("accept") if draft.option("accept") is not None else draft.line
        problem(
            QuizWarning.NO_ACCEPT,
            "a typed question needs an accepted answer: ':accept: a | b' or ':number: 0.5'",
            line,
        )
