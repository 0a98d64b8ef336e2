"""What reaches the browser: the progress script and stylesheet, the course data, the badge.

The script and stylesheet are bundled from the modules in ``js/`` by ``build.mjs`` into
``static/dist/`` (committed; ``node build.mjs --check`` tells when it is stale). The course data
(levels, track bonus, review days, achievements, tracks with their questions and XP, code
exercises with their completion codes, misconceptions) is one file for the whole site,
``_static/kq-course.<hash>.js``: a classic script that sets the ``KQProgressCourse`` global,
loaded (``defer``) before the bundle, so the site works from ``file://`` and a browser caches it
once for every page. Its name carries a hash of its
content, so a browser never runs stale data with a new page. It is written on ``env-updated``,
when every document has been read; when it changes, every page is written again so each one
names the new file. The format is section 2 of docs/authoring/progress-format.md.

Only the interactive builders (``extensions/builders.py``) get the script, the data, the
stylesheet and the badge; every other builder gets none of them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..builders import add_static_dir, is_interactive
from ..warnings_ import warn
from .collect import Course, course_of
from .config import ProgressConfig, achievements, config_location
from .warning_types import Subtype

logger = logging.getLogger(__name__)

# What a first page costs in progress assets, gzipped: the bundle, the stylesheet and the course
# file together may not pass this (bench/bench_progress.py prints it; tests/test_progress_assets.py
# holds it for the real course). Issue 25 moved the course data (about 7 KiB gzipped with 117
# misconceptions and 209 questions) from every page's HTML, where no budget counted it, into this
# one file, which a browser caches for the rest of the site: about 19.5 KiB in all, which leaves
# room for about a third more questions and misconceptions before this needs a look. Issue 26
# (FSRS review: the scheduler, the forecast, recall today) added 2.4 KiB, within the 3 KiB it was
# allowed, and left 22,400 bytes: 24 KiB keeps about 1.6 KiB for growing questions. Issue 24
# (code exercises: the claim form, schema 4, each exercise's id, title, XP and code in the course
# data) added 1.6 KiB of script and style and about 1 KiB of course data for 30 exercises, which
# 24 KiB no longer held: 26 KiB. Issue 27 (the landing page's first screen, the map's zero state and
# mastery chips, the week of met, rest and missed days, the Review page's empty note) added 1.35
# KiB of script and style, 0.7 KiB more than 26 KiB held: 27 KiB.
ASSET_BUDGET = 27 * 1024

# What the site serves: built from js/ by build.mjs (see there).
DIST = Path(__file__).parent / "static" / "dist"
TEMPLATES = Path(__file__).parent / "templates"
BUNDLE = "progress.min.js"
STYLESHEET = "progress.min.css"
# The course file: COURSE_FILE.format(hash), in _static/, setting the COURSE_GLOBAL global.
COURSE_FILE = "kq-course.{}.js"
COURSE_GLOBAL = "KQProgressCourse"
ACHIEVEMENT_FIELDS = ("id", "kind", "threshold", "title", "description")


def misconceptions(env: BuildEnvironment) -> dict[str, tuple[str, str, str]]:
    """Label -> (docname, anchor, section title) of every misconception a quiz option names."""
    from extensions import quiz

    find = getattr(quiz, "misconceptions", None)
    return find(env) if find else {}


def course_data(course: Course, cfg: ProgressConfig, builder, mis=None) -> dict:
    """The course as the browser reads it, pages as URIs relative to the site root."""
    page = builder.get_target_uri

    def question(q) -> dict:
        return {"id": q.qid, "xp": q.xp, "page": page(q.docname)}

    return {
        "storageKey": cfg.storage_key,
        "progressPage": page(cfg.page) if cfg.page in builder.env.found_docs else "",
        "levels": [{"xp": xp, "name": name} for xp, name in cfg.levels],
        "trackBonus": course.bonus,
        "achievements": [
            dict(zip(ACHIEVEMENT_FIELDS, achievement, strict=True))
            for achievement in achievements(cfg.levels)
        ],
        "tracks": [
            {
                "slug": track.slug,
                "number": track.number,
                "title": track.title,
                "about": track.about,
                "page": page(track.docname),
                "questions": [question(q) for q in track.questions],
                "exercises": [exercise.eid for exercise in track.exercises],
            }
            for track in course.tracks
        ],
        "exercises": [
            {"id": e.eid, "title": e.title, "xp": e.xp, "code": e.code} for e in course.exercises
        ],
        "extra": [question(q) for q in course.extra],
        "misconceptions": {
            label: {"title": title, "page": page(docname), "anchor": anchor}
            for label, (docname, anchor, title) in sorted((mis or {}).items())
        },
    }


def course_script(data: dict) -> tuple[str, str]:
    """(file name, text) of the course file for ``data``."""
    text = f"window.{COURSE_GLOBAL} = {json.dumps(data, separators=(',', ':'))};\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return COURSE_FILE.format(digest), text


def write_course_script(outdir: Path, name: str, text: str) -> None:
    """Writes the course file into ``_static``, removing the course files of earlier builds."""
    static = outdir / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for old in static.glob(COURSE_FILE.format("*")):
        if old.name != name:
            old.unlink()
    target = static / name
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def warn_if_unreachable(app: Sphinx, course: Course, cfg: ProgressConfig) -> None:
    top_xp, top_name = cfg.levels[-1]
    if course.available >= top_xp:
        return
    exercises = sum(1 for _ in course.exercises)
    tracks = sum(1 for track in course.tracks if track.questions or track.exercises)
    offered = f"{tracks} tracks with questions, {sum(1 for _ in course.questions)} questions"
    if exercises:
        offered = offered.replace("with questions", "with questions or exercises")
        offered += f", {exercises} code exercises"
    warn(
        Subtype.UNREACHABLE,
        f"the course offers {course.available:,} XP in all ({offered}, track bonuses included) "
        f"but the top level, Lv {len(cfg.levels)} {top_name}, needs {top_xp:,} XP, so no learner "
        "can reach it; add questions or tracks, or lower the thresholds in progress_levels",
        config_location(app.confdir, "progress_levels"),
        logger=logger,
    )


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def add_stylesheet(app: Sphinx) -> None:
    if is_interactive(app.builder):
        app.add_css_file(STYLESHEET)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    course = course_of(env)  # collected just before (collect.py, priority 400)
    cfg = ProgressConfig.from_config(app.config, tracks_xp=course.tracks_xp)
    warn_if_unreachable(app, course, cfg)
    if not is_interactive(app.builder):
        return []
    name, text = course_script(course_data(course, cfg, app.builder, misconceptions(env)))
    write_course_script(Path(app.outdir), name, text)
    app.add_js_file(name, loading_method="defer")
    app.add_js_file(BUNDLE, loading_method="defer")
    previous = getattr(env, "kq_progress_course_file", None)
    env.kq_progress_course_file = name
    if previous is not None and previous != name:
        return sorted(env.found_docs)  # every page names the new file
    return []


def add_page_context(app: Sphinx, pagename: str, templatename, context: dict, doctree) -> None:
    if not is_interactive(app.builder):
        return
    cfg = ProgressConfig.from_config(app.config)
    url = context["pathto"](cfg.page) if cfg.page in app.env.found_docs else ""
    context["kq_progress"] = {"url": url, "first_level": cfg.levels[0][1]}


def setup_assets(app: Sphinx) -> None:
    add_static_dir(app, DIST, when=is_interactive)
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", add_stylesheet)
    app.connect("env-updated", on_env_updated)
    app.connect("html-page-context", add_page_context)
