"""Post-transforms: the course map gets its tracks and totals (every builder); the interactive
builders also get the HTML the progress script fills in (``ScriptHooks``, restricted to
``extensions.builders.INTERACTIVE``)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..builders import INTERACTIVE
from . import render
from .collect import Course, Track, course_of
from .config import ProgressConfig
from .nodes import (
    course_map,
    course_map_continue,
    course_map_status,
    course_start,
    progress_panel,
    script_html,
)

__all__ = ["FillProgress", "ScriptHooks", "course_map_content", "course_of", "totals_text"]


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def totals_text(course: Course, track: Track) -> str:
    """The card's totals: "2 questions · 1 code exercise · 60 XP + 50 XP track bonus"."""
    if not track.questions and not track.exercises:
        return "no quiz yet"
    parts = []
    if track.questions:
        parts.append(_count(len(track.questions), "question"))
    if track.exercises:
        parts.append(_count(len(track.exercises), "code exercise"))
    text = f"{' · '.join(parts)} · {track.xp:,} XP"
    if course.bonus and track.questions:
        text += f" + {course.bonus:,} XP track bonus"
    return text


def _track_item(course: Course, track: Track, docname: str) -> nodes.list_item:
    """One card of the course map: title, the page's one-line promise, its questions and XP."""
    link = _track_link(track, docname, track.title)
    item = nodes.list_item("", nodes.paragraph("", "", link, classes=["kq-cm-title"]))
    item["classes"].append("kq-cm-card")
    if track.about:
        item += nodes.paragraph(text=track.about, classes=["kq-cm-about"])
    item += nodes.paragraph(text=totals_text(course, track), classes=["kq-cm-totals"])
    item += course_map_status(track=track.slug)
    return item


def course_map_content(course: Course, docname: str) -> list[nodes.Node]:
    if not course.tracks:
        return [nodes.paragraph(text="No tracks yet.")]
    # A list in every format; the HTML stylesheet draws it as cards along a path (print: a list).
    listing = nodes.bullet_list(classes=["kq-cm-list"])
    listing.extend(_track_item(course, track, docname) for track in course.tracks)
    return [course_map_continue(), listing]


def first_track(course: Course) -> Track | None:
    """Where a new learner starts: the first track with questions, else the first track."""
    playable = [track for track in course.tracks if track.questions]
    return (playable or list(course.tracks) or [None])[0]


def _track_link(track: Track, docname: str, text: str) -> addnodes.pending_xref:
    return addnodes.pending_xref(
        "",
        nodes.inline(text=text),
        refdomain="std",
        reftype="doc",
        reftarget="/" + track.docname,
        refexplicit=True,
        refwarn=True,
        refdoc=docname,
    )


def start_link(course: Course, docname: str) -> list[nodes.Node]:
    """The ``{course-start}`` link in every format: "Start with Track 1: …"."""
    track = first_track(course)
    if track is None:
        return []
    return [
        nodes.paragraph(
            "",
            "",
            nodes.strong("", "", _track_link(track, docname, f"Start with {track.title}")),
            classes=["kq-start-link"],
        )
    ]


class FillProgress(SphinxPostTransform):
    # Before the references resolver (priority 10) turns the track links into real links.
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        docname = self.env.docname
        maps = list(self.document.findall(course_map))
        starts = list(self.document.findall(course_start))
        if maps or starts:
            course = course_of(self.env)
            for node in maps:
                node[:] = course_map_content(course, docname)
            for node in starts:
                node.extend(start_link(course, docname))


class ScriptHooks(SphinxPostTransform):
    """The HTML the progress script fills in, for the builders whose pages load it."""

    builders = INTERACTIVE
    # After FillProgress (5) has put the course map's status nodes in place.
    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        for status in list(self.document.findall(course_map_status)):
            status.replace_self(
                script_html(template="track-status", context={"slug": status["track"]})
            )
        for hook in list(self.document.findall(course_map_continue)):
            hook.replace_self(script_html(template="continue", context={}))
        review = ProgressConfig.from_config(self.config).review_page
        for start in list(self.document.findall(course_start)):
            start.replace_self(self._start(start, review))
        for panel in list(self.document.findall(progress_panel)):
            part = panel["part"]
            # The summary's "Due for review" links to the Review page, if the course has one.
            links = (
                {"review_uri": review}
                if part == "summary" and review in self.env.found_docs
                else {}
            )
            node = script_html(
                "",
                *panel.children,
                template=render.template_for(part),
                context={"part": part, "fallback": panel.get("fallback", False), "review_uri": ""},
                links=links,
            )
            panel.replace_self(node)

    def _start(self, start: course_start, review: str) -> script_html:
        """The first screen: the pitch, a hidden level line, and the start button."""
        track = first_track(course_of(self.env))
        pitch = [child for child in start.children if "kq-start-link" not in child["classes"]]
        links = {"first": track.docname} if track else {}
        if review in self.env.found_docs:
            links["review_uri"] = review
        context = {"first_title": track.title if track else "", "first": "", "review_uri": ""}
        return script_html("", *pitch, template="course-start", context=context, links=links)
