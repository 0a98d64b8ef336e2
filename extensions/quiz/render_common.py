"""What both renderings (interactive HTML and printable) need to know about a question."""

from __future__ import annotations

import random

from docutils import nodes

from .nodes import (
    kq_explanation,
    kq_feedback,
    kq_hint,
    kq_label,
    kq_option,
    kq_options,
    kq_section_ref,
    kq_text,
)

INSTRUCTIONS = {
    "single": "Choose one answer.",
    "multiple": "Select all that apply.",
    "typed": "Type your answer.",
    "order": "Put the items in the correct order.",
}


def part(question: nodes.Element, cls: type[nodes.Element]) -> nodes.Element | None:
    return next((child for child in question.children if isinstance(child, cls)), None)


def text_of(question: nodes.Element) -> list[nodes.Node]:
    return list(part(question, kq_text).children)


def options_of(question: nodes.Element) -> list[kq_option]:
    container = part(question, kq_options)
    return list(container.children) if container is not None else []


def hint_of(question: nodes.Element) -> list[nodes.Node] | None:
    hint = part(question, kq_hint)
    return list(hint.children) if hint is not None else None


def explanation_of(question: nodes.Element) -> list[nodes.Node]:
    return list(part(question, kq_explanation).children)


def label_of(option: kq_option, copy: bool = True) -> list[nodes.Node]:
    """The option's inline content: a copy (safe to place a second time in the page), or the
    nodes themselves for the one place that owns them."""
    children = list(part(option, kq_label).children)
    return [without_ids(child) for child in children] if copy else children


def feedback_of(option: kq_option) -> list[nodes.Node] | None:
    feedback = part(option, kq_feedback)
    return list(feedback.children) if feedback is not None else None


def plain_text(option: kq_option) -> str:
    return " ".join(part(option, kq_label).astext().split())


def without_ids(node: nodes.Node) -> nodes.Node:
    """A deep copy with ids and names dropped, so a second copy does not clash with the first."""
    copy = node.deepcopy()
    if isinstance(copy, nodes.Element):
        for element in copy.findall(nodes.Element):
            element["ids"] = []
            element["names"] = []
    return copy


def scrambled(qid: str, count: int) -> list[int]:
    """A fixed permutation of range(count) that is never the identity (for count >= 2).

    Used where no script can shuffle per learner (print, e-books, HTML without JavaScript), so an
    ordering question never shows its own answer.
    """
    order = list(range(count))
    random.Random(qid).shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def typed_answer_nodes(question: nodes.Element) -> list[nodes.Node]:
    """``keras.ops`` or ``ops`` or ``0.667 (± 0.001)``: every accepted answer, as written."""
    answers: list[nodes.Node] = [nodes.literal(text=text) for text in question["accept_text"]]
    if "number" in question:
        number = f"{question['number']:g}"
        if question["tolerance"]:
            number += f" (± {question['tolerance']:g})"
        answers.append(nodes.Text(number))
    result: list[nodes.Node] = []
    for answer in answers:
        if result:
            result.append(nodes.Text(" or "))
        result.append(answer)
    return result


def letter(index: int) -> str:
    return chr(ord("a") + index) if index < 26 else str(index + 1)


def misconception_label(option: kq_option) -> str | None:
    """The option's misconception label when it names a section (resolved), else None."""
    ref = part(option, kq_section_ref)
    if ref is None or ref.next_node(nodes.reference) is None:
        return None
    return option.get("misconception")


def misconception_nodes(option: kq_option, plain: bool = False) -> list[nodes.Node]:
    """ "Misconception: <section title>", linked to the section, or [] (no tag, or a label that
    did not resolve: the build warned about it). ``plain``: the label without italics."""
    ref = part(option, kq_section_ref)
    link = ref.next_node(nodes.reference) if ref is not None else None
    if link is None:
        return []
    return [
        nodes.paragraph(
            "",
            "",
            nodes.Text("Misconception:") if plain else nodes.emphasis(text="Misconception:"),
            nodes.Text(" "),
            without_ids(link),
            classes=["kq-misconception"],
        )
    ]
