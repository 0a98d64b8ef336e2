"""One cheap walk over a doctree's elements, for the listeners that look at every page.

``node.findall(...)`` nests one generator per node it passes (``yield from`` all the way down),
so a walk costs more the deeper the tree, and a condition given as a function is called for
every text node too. :func:`elements` walks with a list instead and skips text nodes: the same
elements in the same order (document order, a node before its children), a fraction of the
time. Like ``findall``, it must not be used while the tree is being changed.
"""

from __future__ import annotations

from collections.abc import Iterator

from docutils.nodes import Element


def elements(root: Element) -> Iterator[Element]:
    """``root`` and every element below it, in the order ``root.findall(Element)`` gives."""
    stack = [root]
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        yield node
        children = node.children
        if children:
            extend([child for child in reversed(children) if isinstance(child, Element)])
