"""Per-document facts the course lint needs, kept in a domain so parallel reads merge safely."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.domains import Domain
from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node

TRACK_DOC = re.compile(r"^tracks/(?P<number>\d{2})-(?P<slug>[a-z0-9][a-z0-9-]*)(?:/(?P<rest>.+))?$")
OBJECTIVES = re.compile(r"\b(learning )?objectives\b", re.IGNORECASE)


def track_key(docname: str) -> str | None:
    """The track a document belongs to ("tracks/03-ops"), or None if it is not a track page."""
    match = TRACK_DOC.match(docname)
    if not match:
        return None
    return f"tracks/{match['number']}-{match['slug']}"


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


def record_track_facts(app, doctree: nodes.document) -> None:
    docname = app.env.docname
    sections = _first_sections(doctree)
    objectives_at = None
    for position, section in enumerate(sections):
        title = section.next_node(nodes.title)
        if title is not None and OBJECTIVES.search(title.astext()):
            objectives_at = position
            break
    exercises = sum(1 for _ in doctree.findall(exercise_node)) + sum(
        1 for _ in doctree.findall(exercise_enumerable_node)
    )
    app.env.get_domain("course").docs[docname] = {
        "objectives_at": objectives_at,
        "exercises": exercises,
    }
