"""Collecting questions across the site: the ``quiz`` domain.

Per-document lists are the source of truth (``data["docs"]``), so purging a document and merging
the documents a parallel reader returns are plain dictionary operations; everything else is
derived from them. Duplicate ids are reported once all documents are read, which is also when
the parallel readers have been merged, so ``-j N`` finds the same duplicates as a serial build.
The ids of questions refused for other problems take part (``data["ids"]``): an author sees
every clash in the same build as the other problems, not one build later.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util import logging

from ..walk import elements
from ..warnings_ import warn
from .nodes import kq_option, kq_question
from .problems import QuizWarning, relative_path

logger = logging.getLogger(__name__)

# One entry per question, in document order: [qid, xp, kind, lineno, source, id line].
Entry = list
#: Set on the error box of a refused question whose id is usable: [qid, source, id line].
REFUSED_ID = "kq_refused_id"


def id_line(entry: Entry) -> int:
    """The line of the entry's ``:id:`` (its question's line when the id is derived)."""
    return entry[5] if len(entry) > 5 else entry[3]


def duplicate_message(qid: str, owner: str) -> str:
    """What a reused id is told: where the question that has it is (``file:line``)."""
    return (
        f"question id '{qid}' is already used by the question at {owner}; ids must be unique "
        "across the site because learner progress is stored by id: give this question another id"
    )


class QuizDomain(Domain):
    name = "quiz"
    label = "Quiz"
    data_version = 4
    initial_data: dict[str, Any] = {
        # docname -> [entry, ...] in document order (the source of truth)
        "docs": {},
        # qid -> {"docname", "lineno", "xp", "kind"} of its first occurrence (public interface)
        "questions": {},
        # docname -> [[label, source, lineno], ...]: the misconception tags of its options
        "tags": {},
        # docname -> ids of its sections (a tag must name a section, not a table or a figure)
        "sections": {},
        # docname -> [[qid, source, id line], ...]: every question's id, refused ones included
        "ids": {},
    }

    @property
    def docs(self) -> dict[str, list[Entry]]:
        return self.data.setdefault("docs", {})

    @property
    def tags(self) -> dict[str, list[list]]:
        return self.data.setdefault("tags", {})

    @property
    def sections(self) -> dict[str, list[str]]:
        return self.data.setdefault("sections", {})

    @property
    def ids(self) -> dict[str, list[list]]:
        return self.data.setdefault("ids", {})

    def clear_doc(self, docname: str) -> None:
        self.tags.pop(docname, None)
        self.sections.pop(docname, None)
        self.ids.pop(docname, None)
        if self.docs.pop(docname, None) is not None:
            self._index()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata.get("docs", {}):
                self.docs[docname] = otherdata["docs"][docname]
            if docname in otherdata.get("tags", {}):
                self.tags[docname] = otherdata["tags"][docname]
            if docname in otherdata.get("sections", {}):
                self.sections[docname] = otherdata["sections"][docname]
            if docname in otherdata.get("ids", {}):
                self.ids[docname] = otherdata["ids"][docname]
        self._index()

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        # One walk gathers what four did (questions, ids, tags, sections): it ran on every page.
        entries, ids, tags, sections = [], [], [], []
        for node in elements(document):
            if isinstance(node, kq_question):
                # Kept on the node so the writer can tell a first occurrence from a duplicate.
                node["docname"], node["position"] = docname, len(entries)
                line = node.line or 0
                entry = [node["qid"], node["xp"], node["kind"], line, node.source]
                entries.append([*entry, node.get("id_line") or line])
                ids.append([node["qid"], node.source, node.get("id_line") or node.line or 0])
            elif REFUSED_ID in node:
                ids.append(list(node[REFUSED_ID]))
            if isinstance(node, kq_option) and node.get("misconception"):
                tags.append([node["misconception"], node.source, node.get("misconception_line", 0)])
            elif isinstance(node, nodes.section):
                sections.extend(node["ids"])
        _store(self.docs, docname, entries)
        _store(self.ids, docname, ids)
        _store(self.tags, docname, tags)
        self.sections[docname] = sections
        self._index()

    def names_section(self, label: str) -> bool:
        """True when ``label`` is a std label placed on a section heading (not on a table, a
        figure or a code block, which the std domain labels the same way)."""
        target = self.env.domaindata["std"]["labels"].get(label)
        return target is not None and target[1] in self.sections.get(target[0], ())

    def _index(self) -> None:
        """Rebuild ``questions``: the first occurrence of each id, by (docname, position)."""
        questions: dict[str, dict[str, Any]] = {}
        for docname in sorted(self.docs):
            for qid, xp, kind, lineno, *_where in self.docs[docname]:
                questions.setdefault(
                    qid, {"docname": docname, "lineno": lineno, "xp": xp, "kind": kind}
                )
        self.data["questions"] = questions

    def first_occurrence(self, qid: str) -> tuple[str, int] | None:
        """(docname, position in that document) of the question that owns ``qid``."""
        info = self.data["questions"].get(qid)
        if info is None:
            return None
        entries = self.docs.get(info["docname"], [])
        position = next(i for i, entry in enumerate(entries) if entry[0] == qid)
        return info["docname"], position

    def duplicates(self) -> Iterable[tuple[list, list]]:
        """``([qid, source, id line], the same of the first question with that id)`` for every
        reuse of an id, refused questions included, in (docname, document) order."""
        first: dict[str, list] = {}
        for docname in sorted(self.ids):
            for entry in self.ids[docname]:
                owner = first.setdefault(entry[0], entry)
                if owner is not entry:
                    yield entry, owner

    def used_labels(self) -> list[str]:
        """Every label a misconception tag names, once, in docname order."""
        return list(
            dict.fromkeys(tag[0] for docname in sorted(self.tags) for tag in self.tags[docname])
        )

    def check_consistency(self) -> None:
        for docname in sorted(self.tags):
            for label, source, lineno in self.tags[docname]:
                if not self.names_section(label):
                    warn(
                        QuizWarning.MISCONCEPTION_UNKNOWN,
                        f"{{misconception}}`{label}` names an unknown section label "
                        f"({self._why_unknown(label)}); write '({label})=' on the line above "
                        "the heading of the section that explains this misconception",
                        f"{source}:{lineno}",
                        logger=logger,
                    )
        for (qid, source, line), (_qid, first_source, first_line) in self.duplicates():
            owner = f"{relative_path(first_source, self.env.srcdir)}:{first_line}"
            warn(
                QuizWarning.DUPLICATE_ID,
                duplicate_message(qid, owner),
                f"{source}:{line}",
                logger=logger,
            )

    def _why_unknown(self, label: str) -> str:
        if label in self.env.domaindata["std"]["labels"]:
            return (
                f"`{label}` labels a table, a figure or a code block, not a section; "
                "misconceptions are explained in sections"
            )
        if label in self.env.domaindata["std"]["anonlabels"]:
            return "it labels no section: put the target right above a heading"
        return "no page defines it"

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        return None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []

    def get_objects(self):
        return iter(())


def _store(table: dict[str, list], docname: str, rows: list) -> None:
    """``table[docname] = rows``, or no entry at all when there are none."""
    if rows:
        table[docname] = rows
    else:
        table.pop(docname, None)


def misconceptions(env) -> dict[str, tuple[str, str, str]]:
    """label -> (docname, anchor id, section title) for every label a quiz option is tagged
    with and that names a section (an unknown one is warned about and left out).

    Read from the std domain, which Sphinx merges after a parallel read like this domain.
    """
    domain: QuizDomain = env.get_domain("quiz")
    sections = env.domaindata["std"]["labels"]
    return {
        label: tuple(sections[label])
        for label in domain.used_labels()
        if domain.names_section(label) and sections[label][2]
    }


def questions_by_doc(env) -> dict[str, list[tuple[str, int]]]:
    """docname -> [(qid, xp), ...] in document order, for every page with questions.

    A question whose id duplicates an earlier one is left out (the build warns about it), so
    totals never count one id twice.
    """
    domain: QuizDomain = env.get_domain("quiz")
    result: dict[str, list[tuple[str, int]]] = {}
    for docname in sorted(domain.docs):
        kept = [
            (entry[0], entry[1])
            for position, entry in enumerate(domain.docs[docname])
            if domain.first_occurrence(entry[0]) == (docname, position)
        ]
        if kept:
            result[docname] = kept
    return result
