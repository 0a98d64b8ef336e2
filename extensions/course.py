"""The course: its tracks in order, each with its pages, questions and XP. One model for all.

Every extension that needs "the tracks" reads them here: the course lint checks them, progress
turns them into the course map and the browser's course data, and the new-track scaffold
(``tools/new_track.py``) names a new one by the same rule.

**What a track is.** A track is the page ``tracks/NN-slug.md`` or every page under the folder
``tracks/NN-slug/`` (its main page is ``index.md``): ``NN`` is its number (two digits), ``slug``
its name in lowercase words joined by ``-``. Learner progress is stored by question id and by
track slug, never by number, so tracks can be renumbered. Its title is its main page's title,
its ``about`` the page's ``description:`` front matter, its questions those of its pages (from
the quiz extension), its code exercises those of its pages (from the exercises extension, when it
is loaded), and the tracks come in the order the toctree reaches them.

The rules a track's name must follow (the pattern, unique numbers, unique slugs) are checked by
the course lint (``extensions/courselint``); this module only says what they are.

The model is built once per build, when every document has been read (``env-updated``), and
kept on the environment; :func:`course_of` returns it. This module imports nothing from Sphinx
at import time, so the scaffold can use the naming rule without starting Sphinx.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The folder every track lives in.
TRACKS_FOLDER = "tracks"
#: A track's file or folder name (without ``.md``): two digits, ``-``, then lowercase words
#: joined by ``-``.
TRACK_NAME = re.compile(r"^(?P<number>\d{2})-(?P<slug>[a-z0-9][a-z0-9-]*)$")
#: A document that belongs to a track: ``tracks/NN-slug`` or ``tracks/NN-slug/<page>``.
TRACK_DOC = re.compile(
    rf"^{TRACKS_FOLDER}/(?P<number>\d{{2}})-(?P<slug>[a-z0-9][a-z0-9-]*)(?:/(?P<rest>.+))?$"
)
#: Track numbers have two digits.
MAX_TRACKS = 99


def slugify(title: str) -> str:
    """The slug a track titled ``title`` gets: plain ASCII lowercase words joined by ``-``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def track_docname(number: int, slug: str) -> str:
    """The docname of a single-page track: ``tracks/NN-slug``."""
    return f"{TRACKS_FOLDER}/{number:02d}-{slug}"


def track_key(docname: str) -> str | None:
    """The track a document belongs to (``tracks/03-ops``), or None if it is not a track page."""
    match = TRACK_DOC.match(docname)
    if not match:
        return None
    return f"{TRACKS_FOLDER}/{match['number']}-{match['slug']}"


def is_track_page(docname: str) -> bool:
    """True for every document under ``tracks/``, well named or not."""
    return docname.startswith(f"{TRACKS_FOLDER}/")


@dataclass(frozen=True)
class Question:
    """A question of the course: its id (stored in learners' browsers), XP and page."""

    qid: str
    xp: int
    docname: str


@dataclass(frozen=True)
class Exercise:
    """A code exercise of a track: its id (stored in learners' browsers), title, XP, page, and the
    completion code ``kq check`` prints when it passes."""

    eid: str
    title: str
    xp: int
    code: str
    docname: str


@dataclass(frozen=True)
class Track:
    """One track: see the module's docstring for what makes a page a track."""

    number: int
    slug: str
    title: str
    docname: str  # its main page, the one the course map links to
    docnames: tuple[str, ...]  # every page of the track, in toctree order
    questions: tuple[Question, ...]
    about: str = ""  # the main page's one-line promise: its front-matter description
    position: int = 0  # its place in the course, 0 for the first track
    exercises: tuple[Exercise, ...] = ()  # its code exercises, in page order

    @property
    def key(self) -> str:
        """``tracks/NN-slug``: the page, or the folder, that holds the track."""
        return f"{TRACKS_FOLDER}/{self.number:02d}-{self.slug}"

    @property
    def questions_xp(self) -> int:
        """What its questions pay in all."""
        return sum(question.xp for question in self.questions)

    @property
    def exercises_xp(self) -> int:
        """What its code exercises pay in all."""
        return sum(exercise.xp for exercise in self.exercises)

    @property
    def xp(self) -> int:
        """What its questions and code exercises pay in all (without any track bonus)."""
        return self.questions_xp + self.exercises_xp


@dataclass(frozen=True)
class Course:
    """Every track in course order, and the questions on pages outside tracks."""

    tracks: tuple[Track, ...]
    extra: tuple[Question, ...] = ()
    misnamed: tuple[str, ...] = ()  # pages under tracks/ that are not named NN-slug
    has_quizzes: bool = True  # False when the quiz extension is not loaded

    @property
    def questions(self) -> Iterator[Question]:
        for track in self.tracks:
            yield from track.questions
        yield from self.extra

    @property
    def exercises(self) -> Iterator[Exercise]:
        for track in self.tracks:
            yield from track.exercises

    @property
    def xp(self) -> int:
        """What every question and code exercise of the course pays in all (without track
        bonuses; code exercises are on track pages only)."""
        questions = sum(question.xp for question in self.questions)
        return questions + sum(exercise.xp for exercise in self.exercises)


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


def main_docname(key: str, docnames: list[str] | tuple[str, ...]) -> str:
    """A single-page track is its own main page; a folder track's is its index (else its first)."""
    for candidate in (key, f"{key}/index"):
        if candidate in docnames:
            return candidate
    return docnames[0]


def _questions_by_doc(env: BuildEnvironment) -> dict[str, list[tuple[str, int]]] | None:
    if "quiz" not in env.domains:
        return None
    from extensions.quiz import questions_by_doc

    return questions_by_doc(env)


def _exercises_by_doc(env: BuildEnvironment) -> dict[str, list[dict]]:
    """Each page's code exercises, ``{"id", "title", "xp", "code", "line"}`` in page order, as
    ``extensions.exercises.exercises_by_doc`` gives them; none when that extension is not loaded.

    Read from its domain (``kq-exercises``) rather than imported: the exercises extension reads
    this model (the track a page belongs to), so it lives a floor above (docs/maintainers.md).
    """
    if "kq-exercises" not in env.domains:
        return {}
    return env.get_domain("kq-exercises").docs


def _title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def _about(env: BuildEnvironment, docname: str) -> str:
    return str(env.metadata.get(docname, {}).get("description", "") or "").strip()


def build_course(env: BuildEnvironment) -> Course:
    """The course as the environment holds it now (every document read)."""
    by_doc = _questions_by_doc(env)
    questions = by_doc or {}
    exercises = _exercises_by_doc(env)
    order = toctree_order(env)
    groups: dict[str, list[str]] = {}
    misnamed: list[str] = []
    for docname in order:
        key = track_key(docname)
        if key is not None:
            groups.setdefault(key, []).append(docname)
        elif is_track_page(docname):
            misnamed.append(docname)

    tracks: list[Track] = []
    for position, (key, docnames) in enumerate(groups.items()):
        match = TRACK_DOC.match(key)
        main = main_docname(key, docnames)
        tracks.append(
            Track(
                number=int(match["number"]),
                slug=match["slug"],
                title=_title(env, main),
                docname=main,
                docnames=tuple(docnames),
                questions=tuple(
                    Question(qid, xp, docname)
                    for docname in docnames
                    for qid, xp in questions.get(docname, [])
                ),
                about=_about(env, main),
                position=position,
                exercises=tuple(
                    Exercise(entry["id"], entry["title"], entry["xp"], entry["code"], docname)
                    for docname in docnames
                    for entry in exercises.get(docname, [])
                ),
            )
        )
    in_tracks = {docname for docnames in groups.values() for docname in docnames}
    extra = tuple(
        Question(qid, xp, docname)
        for docname in order
        if docname not in in_tracks
        for qid, xp in questions.get(docname, [])
    )
    return Course(tuple(tracks), extra, tuple(sorted(misnamed)), has_quizzes=by_doc is not None)


def course_of(env: BuildEnvironment) -> Course:
    """The course built on ``env-updated`` of this build, or built now if it has not been yet."""
    course = getattr(env, "kq_course", None)
    return course if course is not None else build_course(env)


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    env.kq_course = build_course(env)


def setup(app: Sphinx) -> dict:
    # Early, so every other env-updated handler (progress) and the course lint
    # (env-check-consistency, later still) read the course of this build.
    app.connect("env-updated", _on_env_updated, priority=300)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
