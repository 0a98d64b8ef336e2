"""Learner progress: XP, levels, header badge, course map, streaks, achievements, review.

Python owns the rules (``config.py``, one declaration of every ``progress_*`` setting) and the
course totals (``collect.py``, over the one course model in ``extensions/course.py``); the
browser gets them as data (``assets.py``: one cached course file) and applies them in the ES
modules of ``js/`` (the rules pure and unit-tested, the DOM in ``js/ui/``), bundled into
``static/dist/`` by ``build.mjs``. The panels and hooks the script fills in are Jinja templates
(``templates/progress/``), put in place for the interactive builders by a post-transform
(``transforms.py``). Progress lives only in the learner's browser.

Warnings are typed ``progress.<subtype>``, all listed in ``warning_types.py``.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import warning_types  # noqa: F401  (registers its warnings for {kq-warnings})
from .assets import setup_assets
from .collect import setup_collect
from .config import setup_config
from .directives import CourseMap, CourseStart, ProgressPanel, ProgressSettings
from .nodes import setup_nodes
from .transforms import FillProgress, ScriptHooks

__version__ = "0.2.0"


def setup(app: Sphinx) -> dict:
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    # Progress is built from the quiz domain's questions and listens to the quiz's browser events.
    app.setup_extension("extensions.quiz")
    setup_config(app)
    setup_collect(app)
    setup_nodes(app)
    app.add_directive("course-start", CourseStart)
    app.add_directive("course-map", CourseMap)
    app.add_directive("progress-panel", ProgressPanel)
    app.add_directive("progress-settings", ProgressSettings)
    app.add_post_transform(FillProgress)
    app.add_post_transform(ScriptHooks)
    setup_assets(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
