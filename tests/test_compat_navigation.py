"""The sidebar navigation's expand toggles have names (extensions/compat/navigation.py)."""

from __future__ import annotations

import re

from markupsafe import Markup

from extensions.compat.navigation import name_toggles

THEME_HTML = (
    '<ul><li class="toctree-l1 has-children"><a class="reference internal" href="a.html">'
    'Track <code>1</code> &amp; more</a><details><summary><span class="toctree-toggle" '
    'role="presentation"><i class="fa-solid fa-chevron-down"></i></span></summary><ul>'
    '<li class="toctree-l2"><a href="b.html">B</a></li></ul></details></li>'
    '<li class="toctree-l1"><a href="c.html">C</a></li>'
    '<li class="toctree-l1 current active has-children"><a class="current reference internal" '
    'href="#">Here</a><details open="open"><summary><span class="toctree-toggle"></span>'
    "</summary></details></li></ul>"
)


def test_each_toggle_is_named_after_the_entry_it_opens():
    out = name_toggles(Markup(THEME_HTML))
    assert isinstance(out, Markup)  # still safe for the template
    assert '<summary aria-label="Pages under Track 1 &amp; more">' in out
    assert '<details open="open"><summary aria-label="Pages under Here">' in out
    assert out.count("<summary") == 2
    assert re.sub(r' aria-label="[^"]*"', "", str(out)) == THEME_HTML


def test_every_toggle_of_the_built_site_has_a_name(whole_course):
    for page in ("index.html", "tracks/06-data.html", "contribute.html", "where-next.html"):
        html = (whole_course.outdir / page).read_text(encoding="utf-8")
        assert '<summary><span class="toctree-toggle"' not in html, page
        assert '<summary aria-label="Pages under ' in html, page
