"""Per-document facts the course lint needs, kept in a domain so parallel reads merge safely."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.domains import Domain
from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node

from extensions.course import track_key
from extensions.walk import elements

#: CONTRIBUTING.md: the description is the page's meta description, "under 160 characters".
DESCRIPTION_LIMIT = 160
#: What the track template (tools/track_template.md) leaves for the author to replace.
TODO = re.compile(r"\bTODO\b")
FRONT_MATTER_KEY = re.compile(r"^description\s*:")
REVIEWED_KEY = re.compile(r"^raw_html_reviewed\s*:")
SUMMARY = re.compile(r"^\s*summary\s*$", re.IGNORECASE)

OBJECTIVES = re.compile(r"\b(learning )?objectives\b", re.IGNORECASE)
#: A misconception tag on a quiz option: the role `{misconception}` with its label.
MISCONCEPTION_TAG = re.compile(r"\{misconception\}`[^`]+`")
#: The attributes the examples extension (extensions/examples/markers.py) puts on a block that
#: is a claim check, and on a block that runs on one backend only.
CLAIM_ATTRIBUTE = "example_claim"
BACKEND_ATTRIBUTE = "example_backend"
#: Raw HTML that is only HTML comments, which MyST passes on as raw HTML like any other tag.
HTML_COMMENT = re.compile(r"^\s*(?:<!--(?:(?!-->).)*-->\s*)+$", re.DOTALL)


class CourseDomain(Domain):
    name = "course"
    label = "Course structure"
    initial_data = {"docs": {}}  # docname -> facts

    @property
    def docs(self) -> dict[str, dict]:
        return self.data.setdefault("docs", {})

    def clear_doc(self, docname: str) -> None:
        self.docs.pop(docname, None)

    def merge_domaindata(self, docnames, otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata.get("docs", {}):
                self.docs[docname] = otherdata["docs"][docname]

    def resolve_any_xref(self, *args, **kwargs):
        return []


def _first_sections(doctree: nodes.document) -> list[nodes.section]:
    """The sections directly under the page title, in order."""
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None:
        return []
    return [child for child in top.children if isinstance(child, nodes.section)]


def _source_facts(path) -> dict:
    """Lines of the page's own text: template TODOs left in, and where the description is."""
    try:
        # At newlines only, as MyST counts lines (str.splitlines also breaks at a form feed,
        # U+2028, U+0085, ..., which would shift every line found after one).
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return {
            "todo_lines": [],
            "description_line": None,
            "reviewed_line": None,
            "misconception_tags": 0,
        }
    todo_lines = [number for number, line in enumerate(lines, start=1) if TODO.search(line)]
    description_line = reviewed_line = None
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() == "---":
                break
            if FRONT_MATTER_KEY.match(line):
                description_line = number
            if REVIEWED_KEY.match(line):
                reviewed_line = number
    return {
        "todo_lines": todo_lines,
        "description_line": description_line,
        "reviewed_line": reviewed_line,
        "misconception_tags": sum(len(MISCONCEPTION_TAG.findall(line)) for line in lines),
    }


def _claims(blocks: list[nodes.literal_block]) -> dict[str, int]:
    """Claim checks among the page's literal blocks, by the backend they run on ("" for every
    backend)."""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.get(CLAIM_ATTRIBUTE):
            backend = block.get(BACKEND_ATTRIBUTE) or ""
            counts[backend] = counts.get(backend, 0) + 1
    return counts


def _in_error_box(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.error):
            return True
        parent = parent.parent
    return False


def record_track_facts(app, doctree: nodes.document) -> None:
    docname = app.env.docname
    sections = _first_sections(doctree)
    objectives_at = None
    for position, section in enumerate(sections):
        title = section.next_node(nodes.title)
        if title is not None and OBJECTIVES.search(title.astext()):
            objectives_at = position
            break
    has_summary = any(
        (title := section.next_node(nodes.title)) is not None and SUMMARY.match(title.astext())
        for section in sections
    )
    # One walk over the page for the blocks, exercises and raw HTML below (it was four).
    blocks, raws, exercises = [], [], 0
    for node in elements(doctree):
        if isinstance(node, nodes.literal_block):
            blocks.append(node)
        elif isinstance(node, nodes.raw):
            raws.append(node)
        # Counted once per class it is an instance of, as two separate walks counted it.
        exercises += isinstance(node, exercise_node) + isinstance(node, exercise_enumerable_node)
    facts = {}
    if track_key(docname) is not None:
        facts = _source_facts(app.env.doc2path(docname))
        description = app.env.metadata.get(docname, {}).get("description")
        facts["description_length"] = None if description is None else len(str(description))
        facts["claims"] = _claims(blocks)
    # [line, is it an HTML comment] of every piece of raw HTML.
    facts["raw"] = [
        [raw.line or 1, bool(HTML_COMMENT.match(raw.astext()))]
        for raw in raws
        if not raw.astext().lstrip().startswith('<input class="task-list-item-checkbox"')
        and not _in_error_box(raw)  # a broken quiz part, already reported by the quiz
    ]
    app.env.get_domain("course").docs[docname] = {
        "objectives_at": objectives_at,
        "exercises": exercises,
        "has_summary": has_summary,
        **facts,
    }
