"""The course as the progress system sees it: tracks in toctree order, their questions and XP.

Computed once all documents are read (``env-updated``), from the quiz extension's
``questions_by_doc`` and the toctree. A track is the document ``tracks/NN-slug`` or every document
under the folder ``tracks/NN-slug/``; its number is NN, its title the page title. Learner progress
is stored by question id and by track slug (not number), so renumbering tracks loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from extensions.courselint.collect import TRACK_DOC
from extensions.quiz import questions_by_doc

from .warning_types import TYPE, Subtype

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Question:
    qid: str
    xp: int
    docname: str


@dataclass(frozen=True)
class Track:
    slug: str
    number: int
    title: str
    docname: str  # the page the course map links to
    questions: tuple[Question, ...]
    about: str = ""  # the page's one-line promise: its front-matter description

    @property
    def xp(self) -> int:
        return sum(question.xp for question in self.questions)


@dataclass(frozen=True)
class Course:
    tracks: tuple[Track, ...]
    extra: tuple[Question, ...]  # questions on pages outside tracks (they earn XP too)
    bonus: int

    def track_available(self, track: Track) -> int:
        return track.xp + (self.bonus if track.questions else 0)

    @property
    def available(self) -> int:
        return sum(map(self.track_available, self.tracks)) + sum(q.xp for q in self.extra)

    @property
    def questions(self) -> Iterable[Question]:
        for track in self.tracks:
            yield from track.questions
        yield from self.extra


def toctree_order(env: BuildEnvironment) -> list[str]:
    """Every document: first as the toctree reaches them from the root, then the rest by name."""
    seen: set[str] = set()
    order: list[str] = []
    pending = [env.config.root_doc]
    while pending:
        docname = pending.pop()
        if docname in seen or docname not in env.found_docs:
            continue
        seen.add(docname)
        order.append(docname)
        pending.extend(reversed(env.toctree_includes.get(docname, [])))
    return order + sorted(env.found_docs - seen)


def _about(env: BuildEnvironment, docname: str) -> str:
    return str(env.metadata.get(docname, {}).get("description", "") or "").strip()


def _title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def collect_course(env: BuildEnvironment, bonus: int, warn: bool = False) -> Course:
    """The course's tracks and totals; with ``warn``, report tracks that share a slug."""
    by_doc = questions_by_doc(env)
    order = toctree_order(env)
    groups: dict[str, list[str]] = {}
    for docname in order:
        match = TRACK_DOC.match(docname)
        if match:
            groups.setdefault(f"{match['number']}-{match['slug']}", []).append(docname)

    tracks: list[Track] = []
    slugs: dict[str, str] = {}
    for key, docnames in groups.items():
        number, slug = key.split("-", 1)
        main = next(
            (d for d in (f"tracks/{key}", f"tracks/{key}/index") if d in docnames), docnames[0]
        )
        if warn and slug in slugs:
            logger.warning(
                "tracks %s and %s share the slug '%s'; progress is stored by slug, so learners'"
                " track bonuses would mix up. Rename one of them",
                slugs[slug],
                key,
                slug,
                type=TYPE,
                subtype=Subtype.TRACK,
                location=(main, None),
            )
        slugs.setdefault(slug, key)
        questions = tuple(
            Question(qid, xp, docname)
            for docname in docnames
            for qid, xp in by_doc.get(docname, [])
        )
        tracks.append(
            Track(slug, int(number), _title(env, main), main, questions, _about(env, main))
        )

    in_tracks = {docname for docnames in groups.values() for docname in docnames}
    extra = tuple(
        Question(qid, xp, docname)
        for docname in order
        if docname not in in_tracks
        for qid, xp in by_doc.get(docname, [])
    )
    return Course(tuple(tracks), extra, bonus)
