"""Doctree nodes back to Markdown, for an exercise's task in a notebook's markdown cell.

A task is a few paragraphs, perhaps a list or a code block, with inline code, emphasis and
links: what a Jupyter markdown cell shows as the page does. Anything else keeps its text. Links
to other pages (``pending_xref``, unresolved in the stored doctree) keep their words only.
"""

from __future__ import annotations

from docutils import nodes


def convert(node: nodes.Node) -> str:
    """The Markdown of one block-level node (a paragraph, a list, a code block, …)."""
    return _block(node).strip("\n")


def _block(node: nodes.Node, indent: str = "") -> str:
    if isinstance(node, nodes.paragraph):
        return indent + _inline(node).replace("\n", "\n" + indent)
    if isinstance(node, nodes.literal_block):
        code = node.astext()
        ticks = "```"
        while ticks in code:
            ticks += "`"
        language = node.get("language", "")
        lines = [f"{ticks}{language}", *code.splitlines(), ticks]
        return "\n".join(indent + line if line else line for line in lines)
    if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
        items = []
        for number, item in enumerate(node.children, start=1):
            mark = f"{number}. " if isinstance(node, nodes.enumerated_list) else "- "
            inner = "\n\n".join(_block(child, " " * len(mark)) for child in item.children)
            items.append(indent + mark + inner.lstrip())
        return "\n".join(items)
    if (
        isinstance(node, nodes.Element)
        and node.children
        and not isinstance(node, nodes.TextElement)
    ):
        return "\n\n".join(_block(child, indent) for child in node.children)
    return indent + node.astext()


def _inline(node: nodes.Node) -> str:
    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, nodes.literal):
        text = node.astext()
        ticks = "``" if "`" in text else "`"
        return f"{ticks}{text}{ticks}"
    inner = "".join(_inline(child) for child in node.children)
    if isinstance(node, nodes.strong):
        return f"**{inner}**"
    if isinstance(node, nodes.emphasis):
        return f"*{inner}*"
    if isinstance(node, nodes.reference) and node.get("refuri"):
        return f"[{inner}]({node['refuri']})"
    if isinstance(node, nodes.math):
        return f"${node.astext()}$"
    return inner
