"""What reaches the browser: static files, the course data, and the header badge template.

The course data (levels, bonus, review days, tracks with their question ids and XP) is JSON in a
``data-kq-progress`` attribute of the ``progress.min.js`` script tag: data, never generated
JavaScript. The served files are built from the readable sources in ``static/`` (``build.mjs``).
It is attached on ``env-updated``, when every document has been read; if it differs from the
previous build's, every page is written again so no page keeps stale totals. Only the interactive
builders (``extensions/builders.py``) get the script, its data, the stylesheet and the badge;
every other builder gets none of them.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..builders import is_interactive
from .collect import Course, collect_course
from .config import ProgressConfig, achievements, config_location
from .warning_types import TYPE, Subtype

logger = logging.getLogger(__name__)

# The served JS + CSS, gzipped, may not pass this (bench/bench_progress.py prints it, a test holds
# it). 6 KiB carried XP, levels, streaks and review; the course map cards, dashboard, mastery,
# daily goal, set-aside copies and the final test took it to about 11 KiB.
ASSET_BUDGET = 12 * 1024

# What the site serves: built from the sources in static/ by build.mjs (see there).
DIST = Path(__file__).parent / "static" / "dist"
TEMPLATES = Path(__file__).parent / "templates"


def misconceptions(env: BuildEnvironment) -> dict[str, tuple[str, str, str]]:
    """Label -> (docname, anchor, section title) of every misconception a quiz option names."""
    from extensions import quiz

    find = getattr(quiz, "misconceptions", None)
    return find(env) if find else {}


def browser_data(course: Course, cfg: ProgressConfig, builder, mis=None) -> dict:
    """Everything the script needs, with pages as URIs relative to the site root."""
    pages: list[str] = []

    def page(docname: str) -> int:
        uri = builder.get_target_uri(docname)
        if uri not in pages:
            pages.append(uri)
        return pages.index(uri)

    env = builder.env
    return {
        "key": cfg.storage_key,
        "progress": builder.get_target_uri(cfg.page) if cfg.page in env.found_docs else "",
        "levels": [list(level) for level in cfg.levels],
        "bonus": course.bonus,
        "review": list(cfg.review_days),
        "ach": [list(a) for a in achievements(cfg.levels)],
        "tracks": [
            {
                "id": track.slug,
                "n": track.number,
                "title": track.title,
                "about": track.about,
                "p": page(track.docname),
                "q": [[q.qid, q.xp, page(q.docname)] for q in track.questions],
            }
            for track in course.tracks
        ],
        "extra": [[q.qid, q.xp, page(q.docname)] for q in course.extra],
        "mis": {
            label: [title, page(docname), anchor]
            for label, (docname, anchor, title) in sorted((mis or {}).items())
        },
        "pages": pages,
    }


def warn_if_unreachable(app: Sphinx, course: Course, cfg: ProgressConfig) -> None:
    top_xp, top_name = cfg.levels[-1]
    if course.available >= top_xp:
        return
    tracks = sum(1 for track in course.tracks if track.questions)
    logger.warning(
        "the course offers %s XP in all (%d tracks with questions, %d questions, track bonuses "
        "included) but the top level, Lv %d %s, needs %s XP, so no learner can reach it; add "
        "questions or tracks, or lower the thresholds in progress_levels",
        f"{course.available:,}",
        tracks,
        sum(1 for _ in course.questions),
        len(cfg.levels),
        top_name,
        f"{top_xp:,}",
        type=TYPE,
        subtype=Subtype.UNREACHABLE,
        location=config_location(app.confdir, "progress_levels"),
    )


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def add_static(app: Sphinx) -> None:
    if is_interactive(app.builder):
        app.config.html_static_path = [*app.config.html_static_path, str(DIST)]
        app.add_css_file("progress.min.css")


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    cfg = ProgressConfig.from_config(app.config)
    course = collect_course(env, cfg.track_bonus, warn=True)
    warn_if_unreachable(app, course, cfg)
    env.kq_progress_course = course
    if not is_interactive(app.builder):
        return []
    data = json.dumps(
        browser_data(course, cfg, app.builder, misconceptions(env)), separators=(",", ":")
    )
    previous = getattr(env, "kq_progress_data", None)
    env.kq_progress_data = data
    app.add_js_file("progress.min.js", loading_method="defer", **{"data-kq-progress": data})
    if previous is not None and previous != data:
        return sorted(env.found_docs)
    return []


def add_page_context(app: Sphinx, pagename: str, templatename, context: dict, doctree) -> None:
    if not is_interactive(app.builder):
        return
    cfg = ProgressConfig.from_config(app.config)
    url = context["pathto"](cfg.page) if cfg.page in app.env.found_docs else ""
    context["kq_progress"] = {"url": url, "first_level": cfg.levels[0][1]}


def setup_assets(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", add_static)
    app.connect("env-updated", on_env_updated)
    app.connect("html-page-context", add_page_context)
