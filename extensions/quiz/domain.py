"""Collecting questions across the site: the ``quiz`` domain.

Per-document lists are the source of truth (``data["docs"]``), so purging a document and merging
the documents a parallel reader returns are plain dictionary operations; everything else is
derived from them. Duplicate ids are reported once all documents are read, which is also when
the parallel readers have been merged, so ``-j N`` finds the same duplicates as a serial build.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util import logging

from .nodes import kq_option, kq_question
from .problems import QuizWarning, relative_path

logger = logging.getLogger(__name__)

# One entry per question, in document order: [qid, xp, kind, lineno, source].
Entry = list


class QuizDomain(Domain):
    name = "quiz"
    label = "Quiz"
    data_version = 3
    initial_data: dict[str, Any] = {
        # docname -> [entry, ...] in document order (the source of truth)
        "docs": {},
        # qid -> {"docname", "lineno", "xp", "kind"} of its first occurrence (public interface)
        "questions": {},
        # docname -> [[label, source, lineno], ...]: the misconception tags of its options
        "tags": {},
        # docname -> ids of its sections (a tag must name a section, not a table or a figure)
        "sections": {},
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

    def clear_doc(self, docname: str) -> None:
        self.tags.pop(docname, None)
        self.sections.pop(docname, None)
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
        self._index()

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        entries = []
        for position, node in enumerate(document.findall(kq_question)):
            # Kept on the node so the writer can tell a first occurrence from a duplicate.
            node["docname"], node["position"] = docname, position
            entries.append([node["qid"], node["xp"], node["kind"], node.line or 0, node.source])
        if entries:
            self.docs[docname] = entries
        else:
            self.docs.pop(docname, None)
        tags = [
            [option["misconception"], option.source, option.get("misconception_line", 0)]
            for option in document.findall(kq_option)
            if option.get("misconception")
        ]
        if tags:
            self.tags[docname] = tags
        else:
            self.tags.pop(docname, None)
        self.sections[docname] = [
            section_id
            for section in document.findall(nodes.section)
            for section_id in section["ids"]
        ]
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
            for qid, xp, kind, lineno, _source in self.docs[docname]:
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

    def duplicates(self) -> Iterable[tuple[Entry, Entry]]:
        """(entry, entry of the first occurrence) for every reuse of an id."""
        for docname in sorted(self.docs):
            for position, entry in enumerate(self.docs[docname]):
                first = self.first_occurrence(entry[0])
                if first is not None and first != (docname, position):
                    yield entry, self.docs[first[0]][first[1]]

    def used_labels(self) -> list[str]:
        """Every label a misconception tag names, once, in docname order."""
        return list(
            dict.fromkeys(tag[0] for docname in sorted(self.tags) for tag in self.tags[docname])
        )

    def check_consistency(self) -> None:
        sections = self.env.domaindata["std"]["labels"]
        for docname in sorted(self.tags):
            for label, source, lineno in self.tags[docname]:
                if self.names_section(label):
                    continue
                if label in sections:
                    where = (
                        f"`{label}` labels a table, a figure or a code block, not a section; "
                        "misconceptions are explained in sections"
                    )
                elif label in self.env.domaindata["std"]["anonlabels"]:
                    where = "it labels no section: put the target right above a heading"
                else:
                    where = "no page defines it"
                logger.warning(
                    f"{{misconception}}`{label}` names an unknown section label ({where}); "
                    f"write '({label})=' on the line above the heading of the section that "
                    "explains this misconception",
                    type="quiz",
                    subtype=QuizWarning.MISCONCEPTION_UNKNOWN,
                    location=f"{source}:{lineno}",
                )
        for (qid, _xp, _kind, lineno, source), first in self.duplicates():
            owner = f"{relative_path(first[4], self.env.srcdir)}:{first[3]}"
            logger.warning(
                f"question id '{qid}' is already used by the question at {owner}; ids must be "
                "unique across the site because learner progress is stored by id",
                type="quiz",
                subtype=QuizWarning.DUPLICATE_ID,
                location=f"{source}:{lineno}",
            )

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        return None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []

    def get_objects(self):
        return iter(())


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
