"""``{course-start}``, ``{course-map}``, ``{progress-panel} <part>`` and ``{progress-settings}``.

``{course-start}`` is the landing page's first screen: its content (the course in one line), then
a link to the first track, added once every page is read (``transforms.py``); the interactive
builders draw it as a primary button, which the script turns into "Continue Track N" for a
learner with progress.

The course map and the panels are placeholders with readable fallback content. The course map is
filled in after all documents are read (``transforms.py``), because it lists every track with its
totals. A panel's children are what a reader sees without the script (and in PDF or EPUB); the
interactive builders get the script's own controls around them (``transforms.ScriptHooks``).
``{progress-settings}`` writes the table of every ``progress_*`` setting from
``config.ProgressConfig``, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..warnings_ import inline_code, table_row
from .config import ProgressConfig, achievements
from .nodes import course_map, course_start, progress_panel
from .warning_types import Subtype, warn

#: What a part says without the script; a part listed here is filled in by the script, which
#: hides this text once it runs.
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


class CourseStart(SphinxDirective):
    """The course in one line (the content) and the way into the first track."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        node = course_start()
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class ProgressPanel(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        part = self.arguments[0].strip()
        if part not in PARTS:
            warn(
                Subtype.PANEL,
                f"unknown progress panel '{part}'; use one of: {', '.join(PARTS)}",
                self.get_location(),
            )
            return []
        node = progress_panel(part=part, fallback=part in FALLBACK)
        self.set_source_info(node)
        if part == "achievements":
            node += self._achievements()
        else:
            node += nodes.paragraph(text=FALLBACK[part])
        return [node]

    def _achievements(self) -> nodes.bullet_list:
        listing = nodes.bullet_list(classes=["kq-ach"])
        # Only the level names matter here; the thresholds are known once every page is read.
        levels = ProgressConfig.from_config(self.config).levels
        for _aid, _kind, _n, title, description in achievements(levels):
            item = nodes.paragraph(
                "", "", nodes.strong(text=title), nodes.Text(f" — {description}")
            )
            listing += nodes.list_item("", item)
        return listing


def settings_table() -> nodes.table:
    """Every ``progress_*`` setting: its name, default and meaning, from ``ProgressConfig``."""
    table = nodes.table(classes=["kq-settings"])
    group = nodes.tgroup(cols=3)
    table += group
    for width in (22, 24, 44):  # characters in the text writer; proportions elsewhere
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += table_row([nodes.Text("Setting")], [nodes.Text("Default")], [nodes.Text("Meaning")])
    group += head
    body = nodes.tbody()
    for setting in ProgressConfig.settings():
        shown = setting.metadata.get("shown")
        default = [nodes.Text(shown)] if shown else [nodes.literal(text=repr(setting.default))]
        body += table_row(
            [nodes.literal(text=ProgressConfig.name_of(setting))],
            default,
            inline_code(setting.metadata["help"]),
        )
    group += body
    return table


class ProgressSettings(SphinxDirective):
    """``{progress-settings}``: the table of every ``progress_*`` setting."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        table = settings_table()
        self.set_source_info(table)
        return [table]
