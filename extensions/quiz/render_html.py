"""Interactive HTML: native form controls rendered at build time, enhanced by static/kq-quiz.js.

Without JavaScript the question and its options stay readable, and the answer with its
explanation sits in a native ``<details>`` ("Show answer"). The script only adds behaviour:
checking, feedback, retry, per-learner shuffling and moving ordering items.
"""

from __future__ import annotations

import json
from html import escape

from docutils import nodes

from . import render_common as common
from .nodes import kq_html, start_tag


def element(tag: str, attrs: dict, *children: nodes.Node, search: bool = True) -> kq_html:
    node = kq_html("", *children, tag=tag, attrs=attrs)
    if not search:
        # Answers stay out of the search index: searching must not spoil a quiz.
        node["classes"].append("no-search")
    return node


def markup(html: str) -> kq_html:
    """A fixed fragment of HTML (already escaped)."""
    return kq_html("", markup=html)


#: Hidden until the script runs (it needs it); what a test pays is the progress side's rule.
TEST_BAR = (
    '<div class="kq-testbar" hidden><button type="button" class="kq-test-start">'
    "Test yourself</button><p>All questions, no feedback until you finish. XP only for "
    "questions never answered before; missed ones go to review.</p></div>"
)


def render_quiz(quiz: nodes.Element) -> kq_html:
    classes = " ".join(["kq-quiz", *quiz.get("classes", [])])
    return element("div", {"class": classes}, markup(TEST_BAR), *quiz.children)


def render_question(
    question: nodes.Element, number: int, with_key: bool = True
) -> tuple[kq_html, list[nodes.Node]]:
    """(the question's fieldset, the content of its answer-key entry, empty without a key)."""
    kind = question["kind"]
    base = f"kq-{question['qid']}"
    fieldset = element(
        "fieldset",
        _attributes(question, base),
        markup(
            f'<legend class="kq-legend"><span class="kq-num">Question {number}</span> '
            f'<span class="kq-instr">{common.INSTRUCTIONS[kind]}</span> '
            f'<span class="kq-xp">{question["xp"]} XP</span></legend>'
        ),
        element("div", {"class": "kq-text", "id": f"{base}-text"}, *common.text_of(question)),
    )
    options = common.options_of(question)
    if kind in ("single", "multiple"):
        fieldset += _choices(question, base, options)
    elif kind == "order":
        fieldset += _ordering(question, options)
    else:
        fieldset += _typed_input(question, base)
    # The verdict comes before the buttons: read and seen right after the choice it is about.
    fieldset += markup(
        '<div class="kq-feedback" role="status" aria-live="polite"></div>'
        '<div class="kq-actions"><button type="button" class="kq-check">Check</button>'
        '<button type="button" class="kq-retry" hidden>Try again</button></div>'
    )
    hint = common.hint_of(question)
    if hint is not None:
        fieldset += element(
            "details",
            {"class": "kq-hint"},
            markup("<summary>Hint</summary>"),
            element("div", {"class": "kq-body"}, *hint),
        )
    explanation = common.explanation_of(question)
    fieldset += _answer(question, options, explanation)
    if not with_key:
        return fieldset, []
    key_entry = [*_solution(question, options), *map(common.without_ids, explanation)]
    return fieldset, key_entry


def _attributes(question: nodes.Element, base: str) -> dict:
    """The fieldset's attributes: what the script reads (``data-kq-*``) and its labels."""
    kind = question["kind"]
    attrs = {
        "class": "kq-question",
        "data-kq-id": question["qid"],
        "data-kq-kind": kind,
        "id": base,
        "aria-describedby": f"{base}-text",
        "data-kq-shuffle": question["shuffle"],
    }
    if kind == "typed":
        attrs["data-kq-accept"] = json.dumps(question["accept"], ensure_ascii=False)
        # What the "solved" state types in: the first answer as written.
        shown = question["accept_text"][:1] or [f"{question.get('number', '')}"]
        attrs["data-kq-answer"] = shown[0]
        if "number" in question:
            attrs["data-kq-number"] = repr(question["number"])
            attrs["data-kq-tolerance"] = repr(question["tolerance"])
    return attrs


def _answer(question: nodes.Element, options, explanation: list[nodes.Node]) -> kq_html:
    """The "Show answer" part: the solution, the explanation and every option's feedback."""
    body = element(
        "div",
        {"class": "kq-body"},
        *_solution(question, options),
        element("div", {"class": "kq-expl"}, *explanation),
    )
    feedback = _option_feedback(options)
    if feedback is not None:
        body += feedback
    return element(
        "details",
        {"class": "kq-answer"},
        markup(
            '<summary>Show answer <span class="kq-cost">(the question then earns no XP)</span>'
            "</summary>"
        ),
        body,
        search=False,
    )


def render_key(entries: list[tuple[int, str, list[nodes.Node]]]) -> kq_html:
    """The page's answer key: collapsed, at the end of the page, numbered like the questions."""
    items = element("ol", {"class": "kq-key-list"})
    for number, _qid, content in entries:
        items += element(
            "li",
            {"value": str(number)},
            markup(f"<p><strong>Question {number}</strong></p>"),
            *content,
        )
    return element(
        "details",
        {"class": "kq-key", "data-kq-ids": " ".join(qid for _n, qid, _c in entries)},
        markup("<summary>Answer key</summary>"),
        items,
        search=False,
    )


def _choices(question: nodes.Element, base: str, options: list) -> kq_html:
    input_type = "radio" if question["kind"] == "single" else "checkbox"
    container = element("div", {"class": "kq-options"})
    for index, option in enumerate(options):
        input_id = f"{base}-{index}"
        control = {
            "type": input_type,
            "name": base,
            "id": input_id,
            "value": str(index),
            "data-kq-correct": option["correct"],
            "data-kq-misconception": common.misconception_label(option),
        }
        container += element(
            "div",
            {"class": "kq-option"},
            markup(start_tag("input", control)),
            element("label", {"for": input_id}, *common.label_of(option, copy=False)),
        )
    return container


def _ordering(question: nodes.Element, items: list) -> kq_html:
    listing = element("ol", {"class": "kq-order"})
    for position in common.scrambled(question["qid"], len(items)):
        text = escape(common.plain_text(items[position]), quote=True)
        listing += element(
            "li",
            {"class": "kq-item", "data-kq-pos": str(position)},
            element(
                "span", {"class": "kq-item-text"}, *common.label_of(items[position], copy=False)
            ),
            markup(
                f'<span class="kq-move"><button type="button" class="kq-up" '
                f'aria-label="Move up: {text}">↑</button><button type="button" '
                f'class="kq-down" aria-label="Move down: {text}">↓</button></span>'
            ),
        )
    return listing


def _typed_input(question: nodes.Element, base: str) -> kq_html:
    numeric = "number" in question and not question["accept"]
    field = {
        "type": "text",
        "id": f"{base}-input",
        "autocomplete": "off",
        "autocapitalize": "off",
        "spellcheck": "false",
        "inputmode": "decimal" if numeric else None,
    }
    return markup(
        f'<div class="kq-typed"><label for="{base}-input">Your answer</label>'
        f"{start_tag('input', field)}</div>"
    )


def _solution(question: nodes.Element, options: list) -> list[nodes.Node]:
    """The right answer, built from fresh nodes each call."""
    kind = question["kind"]
    if kind == "typed":
        return [
            nodes.paragraph(
                "",
                "",
                nodes.strong(text="Accepted answer:"),
                nodes.Text(" "),
                *common.typed_answer_nodes(question),
            )
        ]
    if kind == "order":
        listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for item in options:
            listing += nodes.list_item("", nodes.paragraph("", "", *common.label_of(item)))
        return [nodes.paragraph("", "", nodes.strong(text="Correct order:")), listing]
    correct = [option for option in options if option["correct"]]
    if len(correct) == 1:
        return [
            nodes.paragraph(
                "", "", nodes.strong(text="Answer:"), nodes.Text(" "), *common.label_of(correct[0])
            )
        ]
    listing = nodes.bullet_list()
    for option in correct:
        listing += nodes.list_item("", nodes.paragraph("", "", *common.label_of(option)))
    return [nodes.paragraph("", "", nodes.strong(text="Correct answers:")), listing]


def _ends_a_sentence(label: list[nodes.Node]) -> bool:
    text = "".join(node.astext() for node in label).rstrip()
    return text.endswith((".", "!", "?", ":", "…"))


def _option_feedback(options: list) -> kq_html | None:
    """Per-option feedback: read in the answer without JavaScript, shown on Check with it."""
    blocks = []
    for index, option in enumerate(options):
        feedback = [*(common.feedback_of(option) or []), *common.misconception_nodes(option)]
        if feedback:
            label = common.label_of(option)
            # "…every epoch:", but "…every epoch." stays as the author wrote it (no ".:")
            colon = [] if _ends_a_sentence(label) else [nodes.Text(":")]
            blocks.append(
                element(
                    "div",
                    {"class": "kq-fb", "data-kq-for": str(index)},
                    nodes.paragraph("", "", nodes.strong("", "", *label), *colon),
                    *feedback,
                )
            )
    if not blocks:
        return None
    return element("div", {"class": "kq-fbs"}, *blocks)
