"""Interactive HTML: native form controls rendered at build time, enhanced by static/quiz.js.

Without JavaScript the question and its options stay readable, and the answer with its
explanation sits in a native ``<details>`` ("Show answer"). The script only adds behaviour:
checking, feedback, retry, per-learner shuffling and moving ordering items.
"""

from __future__ import annotations

import json

from docutils import nodes

from . import render_common as common
from .nodes import kq_html


def element(tag: str, attrs: dict | None = None, *children: nodes.Node, search=True) -> kq_html:
    node = kq_html("", *children, tag=tag, attrs=dict(attrs or {}))
    if not search:
        # Answers stay out of the search index: searching must not spoil a quiz.
        node["classes"].append("no-search")
    return node


def render_quiz(quiz: nodes.Element) -> kq_html:
    return element("div", {"class": "kq-quiz"}, *quiz.children)


def render_question(question: nodes.Element, number: int) -> tuple[kq_html, list[nodes.Node]]:
    """(the question's fieldset, the content of its answer-key entry)."""
    qid, kind = question["qid"], question["kind"]
    base = f"kq-{qid}"
    attrs = {
        "class": "kq-question",
        "data-kq-id": qid,
        "data-kq-kind": kind,
        "id": base,
        "aria-describedby": f"{base}-text",
        "data-kq-shuffle": question["shuffle"],
    }
    if kind == "typed":
        attrs["data-kq-accept"] = json.dumps(question["accept"], ensure_ascii=False)
        if "number" in question:
            attrs["data-kq-number"] = repr(question["number"])
            attrs["data-kq-tolerance"] = repr(question["tolerance"])
    legend = element(
        "legend",
        {"class": "kq-legend"},
        element("span", {"class": "kq-num"}, nodes.Text(f"Question {number}")),
        nodes.Text(" "),
        element("span", {"class": "kq-instr"}, nodes.Text(common.INSTRUCTIONS[kind])),
        nodes.Text(" "),
        element("span", {"class": "kq-xp"}, nodes.Text(f"{question['xp']} XP")),
    )
    fieldset = element("fieldset", attrs, legend)
    fieldset += element(
        "div", {"class": "kq-text", "id": f"{base}-text"}, *common.text_of(question)
    )
    options = common.options_of(question)
    if kind in ("single", "multiple"):
        fieldset += _choices(question, base, options)
    elif kind == "order":
        fieldset += _ordering(question, options)
    else:
        fieldset += _typed_input(question, base)
    fieldset += element(
        "div",
        {"class": "kq-actions"},
        element("button", {"type": "button", "class": "kq-check"}, nodes.Text("Check")),
        element(
            "button",
            {"type": "button", "class": "kq-retry", "hidden": True},
            nodes.Text("Try again"),
        ),
    )
    fieldset += element("div", {"class": "kq-feedback", "role": "status", "aria-live": "polite"})
    hint = common.hint_of(question)
    if hint is not None:
        fieldset += element(
            "details",
            {"class": "kq-hint"},
            element("summary", {}, nodes.Text("Hint")),
            element("div", {"class": "kq-body"}, *hint),
        )
    solution = _solution(question, options)
    answer = element(
        "details",
        {"class": "kq-answer"},
        element("summary", {}, nodes.Text("Show answer")),
        element("div", {"class": "kq-body"}, *solution, *common.explanation_of(question)),
        search=False,
    )
    feedback = _option_feedback(options)
    if feedback is not None:
        answer[-1] += feedback
    fieldset += answer
    key_entry = [
        *(common.without_ids(node) for node in _solution(question, options)),
        *(common.without_ids(node) for node in common.explanation_of(question)),
    ]
    return fieldset, key_entry


def render_key(entries: list[tuple[int, str, list[nodes.Node]]]) -> kq_html:
    """The page's answer key: collapsed, at the end of the page, numbered like the questions."""
    items = element("ol", {"class": "kq-key-list"})
    for number, _qid, content in entries:
        items += element(
            "li",
            {"value": str(number)},
            element("p", {}, element("strong", {}, nodes.Text(f"Question {number}"))),
            *content,
        )
    return element(
        "details",
        {"class": "kq-key", "data-kq-ids": " ".join(qid for _n, qid, _c in entries)},
        element("summary", {}, nodes.Text("Answer key")),
        items,
        search=False,
    )


def _choices(question: nodes.Element, base: str, options: list) -> kq_html:
    input_type = "radio" if question["kind"] == "single" else "checkbox"
    container = element("div", {"class": "kq-options"})
    for index, option in enumerate(options):
        input_id = f"{base}-{index}"
        container += element(
            "div",
            {"class": "kq-option"},
            element(
                "input",
                {
                    "type": input_type,
                    "name": base,
                    "id": input_id,
                    "value": str(index),
                    "data-kq-correct": option["correct"],
                },
            ),
            element("label", {"for": input_id}, *common.label_of(option)),
        )
    return container


def _ordering(question: nodes.Element, items: list) -> kq_html:
    listing = element("ol", {"class": "kq-order"})
    for position in common.scrambled(question["qid"], len(items)):
        text = common.plain_text(items[position])
        listing += element(
            "li",
            {"class": "kq-item", "data-kq-pos": str(position)},
            element("span", {"class": "kq-item-text"}, *common.label_of(items[position])),
            element(
                "span",
                {"class": "kq-move"},
                element(
                    "button",
                    {"type": "button", "class": "kq-up", "aria-label": f"Move up: {text}"},
                    nodes.Text("↑"),
                ),
                element(
                    "button",
                    {"type": "button", "class": "kq-down", "aria-label": f"Move down: {text}"},
                    nodes.Text("↓"),
                ),
            ),
        )
    return listing


def _typed_input(question: nodes.Element, base: str) -> kq_html:
    numeric = "number" in question and not question["accept"]
    return element(
        "div",
        {"class": "kq-typed"},
        element("label", {"for": f"{base}-input"}, nodes.Text("Your answer")),
        element(
            "input",
            {
                "type": "text",
                "id": f"{base}-input",
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
                "inputmode": "decimal" if numeric else None,
            },
        ),
    )


def _solution(question: nodes.Element, options: list) -> list[nodes.Node]:
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


def _option_feedback(options: list) -> kq_html | None:
    """Per-option feedback: read in the answer without JavaScript, shown on Check with it."""
    blocks = []
    for index, option in enumerate(options):
        feedback = common.feedback_of(option)
        if feedback:
            blocks.append(
                element(
                    "div",
                    {"class": "kq-fb", "data-kq-for": str(index)},
                    nodes.paragraph(
                        "", "", nodes.strong("", "", *common.label_of(option)), nodes.Text(":")
                    ),
                    *feedback,
                )
            )
    if not blocks:
        return None
    return element("div", {"class": "kq-fbs"}, *blocks)
