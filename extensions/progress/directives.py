"""``{course-map}`` and ``{progress-panel} <part>``: placeholders with readable fallback content.

The course map is filled in after all documents are read (``transforms.py``), because it lists
every track with its totals. A panel's children are what a reader sees without the script (and in
PDF or EPUB); the script's own controls are added by the HTML writer (``nodes.py``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .config import ProgressConfig, achievements
from .nodes import course_map, progress_panel
from .warning_types import TYPE, Subtype

logger = logging.getLogger(__name__)

FALLBACK = {
    "summary": "Your level, XP, streaks and achievements are kept in your web browser, never on a "
    "server. The online course shows them here when JavaScript is on.",
    "data": "Exporting, importing and resetting your progress needs the online course with "
    "JavaScript on.",
    "review": "Questions you missed come back here on a schedule, so you can answer them again. "
    "Reviewing needs the online course with JavaScript on.",
    "final": "The final test asks questions from every track and needs the online course with "
    "JavaScript on. Each track's quiz is in its page, with its answers.",
}
PARTS = (*FALLBACK, "achievements")


class CourseMap(SphinxDirective):
    """Every track with its questions and XP; the script adds the learner's numbers."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        node = course_map()
        self.set_source_info(node)
        return [node]


class ProgressPanel(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        part = self.arguments[0].strip()
        if part not in PARTS:
            logger.warning(
                "unknown progress panel '%s'; use one of: %s",
                part,
                ", ".join(PARTS),
                type=TYPE,
                subtype=Subtype.PANEL,
                location=self.get_location(),
            )
            return []
        node = progress_panel(part=part)
        self.set_source_info(node)
        if part == "achievements":
            node += self._achievements()
        else:
            node += nodes.paragraph(text=FALLBACK[part])
        return [node]

    def _achievements(self) -> nodes.bullet_list:
        listing = nodes.bullet_list(classes=["kq-ach"])
        levels = ProgressConfig.from_config(self.config).levels
        for _aid, _kind, _n, title, description in achievements(levels):
            item = nodes.paragraph(
                "", "", nodes.strong(text=title), nodes.Text(f" — {description}")
            )
            listing += nodes.list_item("", item)
        return listing
