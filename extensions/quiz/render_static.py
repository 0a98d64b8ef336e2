"""Printable quizzes for every output that cannot run the quiz script (PDF, EPUB, text, man, ...).

Questions are numbered, options lettered, and the answers with their explanations and option
feedback go to an answer key at the end of the page, never next to the question. Only standard
docutils nodes are produced, so every builder writes them without help from this extension.
"""

from __future__ import annotations

from docutils import nodes

from . import render_common as common


def render_quiz(quiz: nodes.Element) -> nodes.container:
    return nodes.container("", *quiz.children, classes=["kq-quiz", *quiz.get("classes", [])])


def _label(text: str, plain: bool, style: type[nodes.Inline] = nodes.strong) -> nodes.Node:
    """A label such as "Question 1" or "Answer:": bold (or ``style``) where the output shows it,
    plain text where the writer would spell the markup out (the text builder writes **x**)."""
    return nodes.Text(text) if plain else style(text=text)


def render_question(
    question: nodes.Element, number: int, *, letters_in_text: bool = False, plain: bool = False
) -> tuple[nodes.container, list[nodes.Node]]:
    """(the printable question, the content of its answer-key entry).

    ``letters_in_text`` writes "(a)" into each option, for writers that number every
    enumerated list 1, 2, 3 (the text builder); the others letter a list themselves.
    ``plain`` writes the quiz's own labels without bold or italics (for the text builder).
    """
    kind = question["kind"]
    box = nodes.container(classes=["kq-question"], ids=[f"kq-{question['qid']}"])
    box += nodes.paragraph(
        "",
        "",
        _label(f"Question {number}", plain),
        nodes.Text(f" ({question['xp']} XP). {common.INSTRUCTIONS[kind]}"),
        classes=["kq-legend"],
    )
    box += common.text_of(question)
    options = common.options_of(question)
    if kind in ("single", "multiple"):
        order = list(range(len(options)))
    elif kind == "order":
        order = common.scrambled(question["qid"], len(options))
    else:
        order = []
        box += nodes.paragraph(text="Answer: ____________________")
    if order and letters_in_text:
        box += nodes.container(
            "",
            *(
                nodes.paragraph(
                    "", "", nodes.Text(f"({common.letter(shown)}) "), *common.label_of(options[i])
                )
                for shown, i in enumerate(order)
            ),
            classes=["kq-options"],
        )
    elif order:
        listing = nodes.enumerated_list(
            enumtype="loweralpha", prefix="(", suffix=")", classes=["kq-options"]
        )
        for index in order:
            listing += nodes.list_item(
                "", nodes.paragraph("", "", *common.label_of(options[index]))
            )
        box += listing
    hint = common.hint_of(question)
    if hint is not None:
        box += nodes.container(
            "",
            nodes.paragraph("", "", _label("Hint:", plain, nodes.emphasis)),
            *hint,
            classes=["kq-hint"],
        )
    return box, _key_entry(question, options, order, plain)


def _key_entry(
    question: nodes.Element, options: list, order: list[int], plain: bool
) -> list[nodes.Node]:
    kind = question["kind"]
    # Letters as printed: position in `order` of each option.
    letter_of = {index: common.letter(shown) for shown, index in enumerate(order)}
    answer: list[nodes.Node] = []
    correct: list[list[nodes.Node]] = []
    if kind == "typed":
        answer = common.typed_answer_nodes(question)
    elif kind == "order":
        answer = [nodes.Text(", ".join(f"({letter_of[i]})" for i in range(len(options))))]
    else:
        correct = [
            [nodes.Text(f"({letter_of[index]}) "), *common.label_of(option)]
            for index, option in enumerate(options)
            if option["correct"]
        ]
    entry: list[nodes.Node]
    if len(correct) > 1:
        # Options are sentences with their own punctuation: one per line reads cleanly in every
        # output, where joining them ("... backend.; (b) ...") does not.
        entry = [
            nodes.paragraph("", "", _label("Answers:", plain)),
            nodes.bullet_list(
                "", *(nodes.list_item("", nodes.paragraph("", "", *c)) for c in correct)
            ),
        ]
    else:
        answer = correct[0] if correct else answer
        entry = [nodes.paragraph("", "", _label("Answer:", plain), nodes.Text(" "), *answer)]
    if kind == "order":
        listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for item in options:
            listing += nodes.list_item("", nodes.paragraph("", "", *common.label_of(item)))
        entry.append(listing)
    entry += common.explanation_of(question)
    feedback = nodes.bullet_list()
    for index, option in enumerate(options):
        blocks = [
            *(common.feedback_of(option) or []),
            *common.misconception_nodes(option, plain=plain),
        ]
        if blocks:
            lead_text = [nodes.Text(f"({letter_of[index]}) "), *common.label_of(option)]
            lead = nodes.paragraph(
                "", "", *(lead_text if plain else [nodes.emphasis("", "", *lead_text)])
            )
            feedback += nodes.list_item("", lead, *blocks)
    if len(feedback):
        entry += [nodes.paragraph("", "", _label("About the options:", plain)), feedback]
    return entry


def render_key(
    entries: list[tuple[int, str, list[nodes.Node]]], *, plain: bool = False
) -> nodes.container:
    key = nodes.container(classes=["kq-answer-key"])
    key += nodes.rubric(text="Answer key")
    for number, _qid, content in entries:
        key += nodes.container(
            "",
            nodes.paragraph("", "", _label(f"Question {number}", plain)),
            *content,
            classes=["kq-key-entry"],
        )
    return key
