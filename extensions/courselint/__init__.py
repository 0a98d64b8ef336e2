"""Course lint: the structural rules every track follows, checked during the build.

The rules are the warning subtypes in ``warning_types.Subtype``: each broken rule is a typed
warning ``course.<rule>`` that names the file and line and says how to fix it (a finding repeated
on several lines of a page is one warning with the lines). They check that a track page is named
``NN-slug`` with a number and a slug no other track has (the naming rule is
``extensions/course.py``'s, the one course model), has learning objectives, an exercise, a quiz,
a summary, a short ``description:``, no template ``TODO`` and no unreviewed raw HTML, the claim
checks, misconception tags and code exercises the course asks for (``courselint_min_claims``,
``courselint_min_misconceptions``, ``courselint_min_code_exercises``), and that every page is
reachable from a toctree.
``{kq-warnings} course`` writes their table (on the Contribute page).

Because these run inside Sphinx, ``make html`` (``-W``) and ``make check`` enforce them, and
``suppress_warnings = ["course.<rule>"]`` can switch one off.
"""

from __future__ import annotations

from extensions.courselint import warning_types  # noqa: F401  (registers course.* for {kq-warnings})
from extensions.courselint.collect import CourseDomain, record_track_facts
from extensions.courselint.rules import check_course

__version__ = "0.1.0"


def setup(app):
    app.setup_extension("extensions.warnings_")  # the {kq-warnings} tables
    app.setup_extension("extensions.course")  # the tracks, built once every page is read
    app.setup_extension("sphinx_exercise")
    app.add_domain(CourseDomain)
    # After the examples extension marked claim checks (doctree-read, priority 500).
    app.connect("doctree-read", record_track_facts, priority=600)
    # Floors a course may set; 0 (the default) asks for nothing.
    app.add_config_value("courselint_min_claims", 0, "env", types=(int,))
    app.add_config_value("courselint_min_misconceptions", 0, "env", types=(int,))
    app.add_config_value("courselint_min_code_exercises", 0, "env", types=(int,))
    app.connect("env-check-consistency", check_course)
    return {
        "version": __version__,
        "env_version": 5,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
