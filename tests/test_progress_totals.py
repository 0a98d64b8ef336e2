"""Per-track and course totals collected from the quiz domain, and the data the browser receives."""

from __future__ import annotations

from progress_helpers import BONUS, EXTRA, TRACKS, build, copy_root, page_data, progress_warnings

import support
from extensions.progress.transforms import course_of


def test_tracks_in_toctree_order_with_their_questions_and_totals(tmp_path):
    outdir, warnings = build(copy_root(tmp_path / "src"))
    assert progress_warnings(warnings) == []
    data = page_data(outdir / "index.html")
    questions = [[(q["id"], q["xp"]) for q in t["questions"]] for t in data["tracks"]]
    tracks = [
        (t["slug"], t["number"], t["title"], t["page"], qs)
        for t, qs in zip(data["tracks"], questions, strict=True)
    ]
    assert tracks == [
        ("alpha", 1, "Track 1: Alpha", "tracks/01-alpha.html", TRACKS["alpha"]),
        # A folder track: its pages' questions together, linked to its index page.
        ("beta", 2, "Track 2: Beta", "tracks/02-beta/index.html", TRACKS["beta"]),
        ("gamma", 3, "Track 3: Gamma", "tracks/03-gamma.html", []),
    ]
    # Each question knows the page it is on (the Review page fetches it from there).
    beta = data["tracks"][1]
    assert beta["questions"][0]["page"] == "tracks/02-beta/part2.html"
    assert data["extra"] == [{"id": "x-one", "xp": 10, "page": "extra.html"}]
    assert data["trackBonus"] == BONUS


def test_course_totals(build_root):
    done = build_root("progress", "html")
    assert done.returncode == 0, done.warnings
    course = course_of(done.app.env)
    assert [t.xp for t in course.tracks] == [30, 15, 0]
    assert [course.track_available(t) for t in course.tracks] == [80, 65, 0]
    expected = sum(x for qs in TRACKS.values() for _, x in qs) + 2 * BONUS + EXTRA[0][1]
    assert course.available == expected == 155


def test_dirhtml_pages_are_folders(tmp_path):
    outdir, _warnings = build(copy_root(tmp_path / "src"), "dirhtml")
    data = page_data(outdir / "index.html")
    assert data["tracks"][0]["page"] == "tracks/01-alpha/"


def test_changed_questions_rewrite_every_page_with_fresh_data(build_root):
    # Two builds into the same folder: the second one is incremental.
    first = build_root("progress", "html")
    src, out = first.srcdir, first.outdir
    assert first.returncode == 0, first.warnings
    assert [q["xp"] for q in page_data(out / "extra.html")["tracks"][0]["questions"]] == [10, 20]
    (first_file,) = (out / "_static").glob("kq-course.*.js")
    track = src / "tracks" / "01-alpha.md"
    track.write_text(track.read_text(encoding="utf-8").replace(":xp: 20", ":xp: 40"), "utf-8")
    second = support.build(src)
    assert second.returncode == 0, second.warnings
    assert second.outdir == out
    assert "1 changed" in second.stdout  # only the track page is read again...
    # ...yet a page that neither changed nor links to it gets the new totals too.
    assert [q["xp"] for q in page_data(out / "extra.html")["tracks"][0]["questions"]] == [10, 40]
    assert "2 questions · 50 XP" in (out / "index.html").read_text(encoding="utf-8")
    # The course file's name changed with its content (no browser cache serves the old data),
    # and the old file is gone.
    (course_file,) = (out / "_static").glob("kq-course.*.js")
    assert course_file.name != first_file.name
