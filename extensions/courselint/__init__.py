"""Course lint: the structural rules every track follows, checked during the build.

Rules (each a typed warning ``course.<rule>`` that names the file and line and says how to fix it):

* ``course.track-name``   – pages under ``tracks/`` are ``NN-slug.md`` (or a folder ``NN-slug/``)
* ``course.track-number`` – no two tracks share a number
* ``course.objectives``   – a track opens with a "Learning objectives" section
* ``course.exercise``     – a track has at least one exercise (sphinx-exercise)
* ``course.quiz``         – a track has a quiz with at least one question
* ``course.summary``      – a track has a "Summary" section
* ``course.description``  – a track's front matter has a ``description:`` under 160 characters
* ``course.todo``         – no ``TODO`` from the track template is left in a track page
* ``course.raw-html``     – no raw HTML or ``{raw}`` in a track page, unless its front matter
  says ``raw_html_reviewed: <who reviewed it, and why>``
* ``course.toctree``      – every track is in the course's toctree
* ``course.orphan``       – every other page is in a toctree, or says ``orphan: true``

Because these run inside Sphinx, ``make html`` (``-W``) and ``make check`` enforce them, and
``suppress_warnings = ["course.<rule>"]`` can switch one off.
"""

from __future__ import annotations

from extensions.courselint.collect import CourseDomain, record_track_facts
from extensions.courselint.rules import check_course

__version__ = "0.1.0"


def setup(app):
    app.setup_extension("sphinx_exercise")
    app.add_domain(CourseDomain)
    app.connect("doctree-read", record_track_facts)
    app.connect("env-check-consistency", check_course)
    return {
        "version": __version__,
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
