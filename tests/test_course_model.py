"""The one course model (extensions/course.py): what a track is, its pages, questions and order.

Course lint, progress and the new-track scaffold all read tracks from it; these tests pin the
naming rule and the model built from a real environment.
"""

from __future__ import annotations

import pytest
from progress_helpers import EXTRA, TRACKS

from extensions.course import TRACK_NAME, course_of, slugify, track_docname, track_key
from tools import new_track


@pytest.mark.parametrize(
    ("docname", "key"),
    [
        ("tracks/03-ops", "tracks/03-ops"),
        ("tracks/02-beta/part2", "tracks/02-beta"),
        ("tracks/02-beta/index", "tracks/02-beta"),
        ("tracks/Bad_Name", None),
        ("tracks/3-ops", None),
        ("tracks/03-Ops", None),
        ("where-next", None),
    ],
)
def test_which_track_a_page_belongs_to(docname, key):
    assert track_key(docname) == key


def test_the_scaffold_names_tracks_by_the_same_rule():
    assert new_track.slugify is slugify
    assert new_track.TRACK_NAME is TRACK_NAME
    name = track_docname(7, slugify("Données & Prétraitement "))
    assert name == "tracks/07-donnees-pretraitement" and track_key(name) == name


@pytest.fixture(scope="module")
def course(build_root):
    done = build_root("progress", "html")
    assert done.returncode == 0, done.warnings
    return course_of(done.app.env)


def test_tracks_come_in_course_order_with_their_pages_and_questions(course):
    assert [(t.position, t.number, t.slug, t.key) for t in course.tracks] == [
        (0, 1, "alpha", "tracks/01-alpha"),
        (1, 2, "beta", "tracks/02-beta"),
        (2, 3, "gamma", "tracks/03-gamma"),
    ]
    beta = course.tracks[1]
    # A folder track: its main page is its index, its questions are those of all its pages.
    assert beta.docname == "tracks/02-beta/index"
    assert set(beta.docnames) == {"tracks/02-beta/index", "tracks/02-beta/part2"}
    assert [(q.qid, q.xp, q.docname) for q in beta.questions] == [
        ("b-one", 15, "tracks/02-beta/part2")
    ]
    for track in course.tracks:
        assert [(q.qid, q.xp) for q in track.questions] == TRACKS[track.slug]
        assert track.xp == sum(xp for _qid, xp in TRACKS[track.slug])
    alpha = course.tracks[0]
    assert (alpha.title, alpha.about) == ("Track 1: Alpha", "Alpha in one line.")
    assert [(q.qid, q.xp) for q in course.extra] == EXTRA
    assert course.xp == sum(xp for qs in TRACKS.values() for _qid, xp in qs) + EXTRA[0][1]
    assert course.has_quizzes and course.misnamed == ()
