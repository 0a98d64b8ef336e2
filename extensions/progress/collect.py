"""The course as progress counts it: the course model (``extensions/course.py``) and the bonus.

What a track is, its questions, code exercises and order come from the one course model; progress
adds what a learner can earn: each track's questions and code exercises, plus the track bonus for a
track with questions, and the questions on pages outside tracks. Learner progress is stored by
question id, exercise id and track slug (not number), so renumbering tracks loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import course as course_model
from ..course import Exercise, Question, Track
from .config import ProgressConfig, note_tracks_xp

__all__ = ["Course", "Exercise", "Question", "Track", "collect_course", "course_of"]


@dataclass(frozen=True)
class Course:
    """The course model with the track bonus: what XP there is to earn."""

    model: course_model.Course
    bonus: int

    @property
    def tracks(self) -> tuple[Track, ...]:
        return self.model.tracks

    @property
    def extra(self) -> tuple[Question, ...]:
        """Questions on pages outside tracks (they earn XP too)."""
        return self.model.extra

    @property
    def questions(self) -> Iterator[Question]:
        return self.model.questions

    @property
    def exercises(self) -> Iterator[Exercise]:
        return self.model.exercises

    def track_available(self, track: Track) -> int:
        """What a track pays in full: its questions and code exercises, and the bonus if it has
        questions (the bonus is for answering all of them right)."""
        return track.xp + (self.bonus if track.questions else 0)

    @property
    def tracks_xp(self) -> int:
        """What the tracks pay in full, bonuses included: the level curve's 100%."""
        return sum(map(self.track_available, self.tracks))

    @property
    def available(self) -> int:
        """Everything a learner can earn: the tracks in full and the questions outside them."""
        return self.tracks_xp + sum(question.xp for question in self.extra)


def collect_course(env: BuildEnvironment, bonus: int) -> Course:
    """The course of this build with ``bonus`` XP per track."""
    return Course(course_model.course_of(env), bonus)


def course_of(env: BuildEnvironment) -> Course:
    """The course collected on ``env-updated``, or collected now (e.g. a doctree resolved alone)."""
    course = getattr(env, "kq_progress_course", None)
    if course is None:
        course = collect_course(env, ProgressConfig.from_config(env.config).track_bonus)
    return course


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Once every document is read: the course with its bonus, and the level curve's 100%."""
    course = collect_course(env, ProgressConfig.from_config(app.config).track_bonus)
    env.kq_progress_course = course
    note_tracks_xp(app.config, course.tracks_xp)


def setup_collect(app: Sphinx) -> None:
    app.setup_extension("extensions.course")
    # After the course model (300), before anything that reads the levels (assets.py: 500).
    app.connect("env-updated", on_env_updated, priority=400)
