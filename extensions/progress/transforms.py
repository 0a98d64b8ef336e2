"""Filling the course map with the tracks and totals, once every document has been read."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .collect import Course, Track, collect_course
from .config import ProgressConfig
from .nodes import course_map, course_map_continue, course_map_status


def course_of(env) -> Course:
    """The course collected on ``env-updated``, or collected now (e.g. a doctree resolved alone)."""
    course = getattr(env, "kq_progress_course", None)
    if course is None:
        course = collect_course(env, ProgressConfig.from_config(env.config).track_bonus)
    return course


def totals_text(course: Course, track: Track) -> str:
    if not track.questions:
        return "no quiz yet"
    count = len(track.questions)
    text = f"{count} question{'s' if count != 1 else ''} · {track.xp:,} XP"
    if course.bonus:
        text += f" + {course.bonus:,} XP track bonus"
    return text


def _track_item(course: Course, track: Track, docname: str) -> nodes.list_item:
    link = addnodes.pending_xref(
        "",
        nodes.inline(text=track.title),
        refdomain="std",
        reftype="doc",
        reftarget="/" + track.docname,
        refexplicit=True,
        refwarn=True,
        refdoc=docname,
    )
    line = nodes.paragraph("", "", link, nodes.Text(f" — {totals_text(course, track)}"))
    return nodes.list_item("", line, course_map_status(track=track.slug))


def course_map_content(course: Course, docname: str) -> list[nodes.Node]:
    if not course.tracks:
        return [nodes.paragraph(text="No tracks yet.")]
    listing = nodes.bullet_list(classes=["kq-cm-list"])
    listing.extend(_track_item(course, track, docname) for track in course.tracks)
    return [course_map_continue(), listing]


class FillProgress(SphinxPostTransform):
    # Before the references resolver (priority 10) turns the track links into real links.
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        docname = self.env.docname
        maps = list(self.document.findall(course_map))
        if maps:
            course = course_of(self.env)
            for node in maps:
                node[:] = course_map_content(course, docname)
