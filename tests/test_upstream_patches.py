"""Every local patch to a dependency is still needed: each test here builds a tiny project with
the dependency alone (no ``extensions.compat``, no ``extensions.lean``) and asserts that the bug
the patch works around is still there.

When one of these fails, upstream has fixed (or changed) what the patch works around: remove the
patch the test names, then the test. Each test names the upstream issue, or says that none was
found (then one is worth filing). The same pattern as ``tests/test_quiz_lines.py``'s MyST check.
"""

from __future__ import annotations

import re
import textwrap
import zipfile
from pathlib import Path

import pytest

from support import build, build_in_process

EXERCISES = """\
# Exercises

```{exercise}
:label: ex-one

Add one.
```

```{solution} ex-one
Two.
```

```{exercise}
:label: ex-two

Add two.
```
"""


def project(folder: Path, extensions: list[str], pages: dict[str, str], extra: str = "") -> Path:
    """A Sphinx project of Markdown ``pages`` (``index`` is the root) in ``folder``."""
    folder.mkdir(parents=True)
    conf = f"extensions = {['myst_parser', *extensions]!r}\n" + textwrap.dedent(extra)
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in pages.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


# --- Sphinx: singlehtml visitors (extensions/compat/exercise.py, extensions/builders.py) ----------

PROBE_NODE = """
from docutils import nodes


class probe(nodes.Element):
    pass


def visit_probe(self, node):
    self.body.append('<span class="probe">')


def depart_probe(self, node):
    self.body.append("</span>")


def add_probe(app, doctree, docname):
    # after reading (the doctree is pickled then, and this class cannot be)
    doctree.next_node(nodes.section).append(probe())


def setup(app):
    app.add_node(probe, {tables})
    app.connect("doctree-resolved", add_probe)
"""


def assert_build_stops(srcdir: Path, builder: str, message: str) -> None:
    """The build of ``srcdir`` fails, and Sphinx says ``message`` (our patch is still needed)."""
    done = build(srcdir, builder)
    assert done.returncode != 0, "the build passed: upstream fixed it, drop the patch"
    assert message in done.stdout + done.warnings, done.warnings


def test_sphinx_still_ignores_html_visitors_in_singlehtml_once_sphinx_exercise_is_loaded(
    tmp_path,
):
    """sphinx-exercise registers visitors under ``singlehtml``, and Sphinx then looks no node up
    under ``html`` for that builder (sphinx-doc/sphinx#14587, fix proposed in #14601; the wish is
    #9160). When this fails, drop ``_singlehtml_visitors`` in extensions/compat/exercise.py and
    the ``singlehtml`` entry of ``extensions.builders.HTML_VISITOR_TABLES``."""
    conf = PROBE_NODE.format(tables="html=(visit_probe, depart_probe)")
    srcdir = project(tmp_path / "src", ["sphinx_exercise"], {"index": EXERCISES}, conf)
    assert_build_stops(srcdir, "singlehtml", "unknown node type: probe")


def test_html_visitors_registered_for_every_table_reach_singlehtml(tmp_path):
    """What our extensions do instead (``builders.html_visitors``), with compat giving
    sphinx-design's nodes theirs: a dropdown and a probe node render in singlehtml."""
    conf = "from extensions.builders import html_visitors\n" + PROBE_NODE.format(
        tables="**html_visitors(visit_probe, depart_probe)"
    )
    page = EXERCISES + "\n```{dropdown} More\nHidden words.\n```\n"
    srcdir = project(
        tmp_path / "src", ["sphinx_design", "extensions.compat"], {"index": page}, conf
    )
    outdir, _warnings = build_in_process(srcdir, "singlehtml")
    html = (outdir / "index.html").read_text(encoding="utf-8")
    assert '<span class="probe"></span>' in html
    assert "sd-dropdown" in html and "Hidden words." in html


# --- sphinx-exercise (extensions/compat/exercise.py) -----------------------------------------


def test_sphinx_exercise_still_has_no_text_visitors(tmp_path):
    """No upstream issue found for the text, man and texinfo writers (sphinx-exercise 1.2.1).
    When this fails, drop the ``PLAIN_FORMATS`` admonition visitors of compat/exercise.py."""
    srcdir = project(tmp_path / "src", ["sphinx_exercise"], {"index": EXERCISES})
    assert_build_stops(srcdir, "text", "unknown node type: exercise")


def test_sphinx_exercise_still_repeats_the_id_of_exercise_bodies(tmp_path):
    """No upstream issue found. When this fails, drop ``_unique_body_ids`` of
    compat/exercise.py."""
    srcdir = project(tmp_path / "src", ["sphinx_exercise"], {"index": EXERCISES})
    outdir, _warnings = build_in_process(srcdir, "html")
    html = (outdir / "index.html").read_text(encoding="utf-8")
    assert html.count('id="exercise-content"') == 2


def test_sphinx_exercise_still_links_latex_solutions_to_a_label_it_never_writes(tmp_path):
    """No upstream issue found. When this fails, drop ``_latex_label_visit`` of
    compat/exercise.py."""
    srcdir = project(tmp_path / "src", ["sphinx_exercise"], {"index": EXERCISES})
    outdir, _warnings = build_in_process(srcdir, "latex")
    (tex,) = outdir.glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", text))
    labels = set(re.findall(r"\\label\{(?:\\detokenize\{)?([^}]*)\}", text))
    assert "index:ex-one" in targets, "the solution no longer links its exercise in LaTeX"
    assert "index:ex-one" not in labels


def test_sphinx_exercise_still_copies_its_stylesheet_after_the_epub_is_packed(tmp_path):
    """No upstream issue found. When this fails, compat/epub.py need not add sphinx-exercise's
    folder to the static path."""
    srcdir = project(tmp_path / "src", ["sphinx_exercise"], {"index": EXERCISES})
    outdir, _warnings = build_in_process(srcdir, "epub")
    (book,) = outdir.glob("*.epub")
    page = (outdir / "index.xhtml").read_text(encoding="utf-8")
    assert "_static/exercise.css" in page
    assert "_static/exercise.css" not in zipfile.ZipFile(book).namelist()


# --- sphinx-design (extensions/compat/epub.py) -------------------------------------------------


def test_sphinx_design_still_writes_unclosed_inputs_into_epub_pages(tmp_path):
    """No upstream issue found for sphinx-design's tab-set in EPUB's XHTML. When this fails,
    ``StaticTabSets`` of compat/epub.py may go (books would then get switchable tabs)."""
    page = "# Tabs\n\n````{tab-set}\n```{tab-item} A\nOne.\n```\n```{tab-item} B\nTwo.\n```\n````\n"
    srcdir = project(tmp_path / "src", ["sphinx_design"], {"index": page})
    outdir, _warnings = build_in_process(srcdir, "epub")
    xhtml = (outdir / "index.xhtml").read_text(encoding="utf-8")
    inputs = re.findall(r"<input[^>]*>", xhtml)
    assert inputs and not all(tag.endswith("/>") for tag in inputs)


# --- Sphinx: singlehtml links (extensions/compat/singlehtml.py) --------------------------------

LINKED = {
    "index": "# Book\n\n```{toctree}\na\nb\n```\n",
    "a": "# A\n\nSee {ref}`far-label`.\n",
    "b": "# B\n\n(far-label)=\n## Far\n\nWords.\n",
}


def _single_page_links(tmp_path: Path, extensions: list[str]) -> list[str]:
    srcdir = project(tmp_path / "src", extensions, LINKED)
    outdir, _warnings = build_in_process(srcdir, "singlehtml")
    html = (outdir / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<a class="reference internal" href="([^"]*)"', html)


def test_sphinx_singlehtml_still_writes_links_with_two_fragments(tmp_path):
    """sphinx-doc/sphinx#14221, fixed by sphinx-doc/sphinx#14241 (not released). When this
    fails, drop extensions/compat/singlehtml.py."""
    assert "#document-b#far-label" in _single_page_links(tmp_path, [])


def test_compat_makes_singlehtml_links_point_at_the_label(tmp_path):
    links = _single_page_links(tmp_path, ["extensions.compat"])
    assert "#far-label" in links
    assert not [link for link in links if link.count("#") > 1]


# --- the theme (extensions/lean) ---------------------------------------------------------------


THEMED = {
    "index": "# Home\n\nWords.\n\n```{toctree}\npart\n```\n",
    "part": "# Part\n\n```{toctree}\nchapter\n```\n",
    "chapter": "# Chapter\n\nMore words.\n",
}


@pytest.fixture(scope="module")
def theme_site(tmp_path_factory) -> Path:
    """A small site as sphinx-book-theme writes it, without extensions/lean or compat."""
    folder = tmp_path_factory.mktemp("theme") / "src"
    srcdir = project(folder, [], THEMED, 'html_theme = "sphinx_book_theme"\n')
    outdir, _warnings = build_in_process(srcdir, "html")
    return outdir


@pytest.fixture(scope="module")
def theme_pages(theme_site) -> dict[str, str]:
    return {
        name: (theme_site / f"{name}.html").read_text(encoding="utf-8")
        for name in ("index", "search")
    }


def test_the_theme_still_loads_font_awesome_s_script_on_every_page(theme_pages):
    """pydata-sphinx-theme#2379 (the 1.4 MiB script; a lighter one is proposed in
    pydata-sphinx-theme#2494). When this fails, drop ``FONTAWESOME_JS`` of extensions/lean."""
    from extensions.lean import FONTAWESOME_JS

    assert len(FONTAWESOME_JS.findall(theme_pages["index"])) == 1


def test_the_theme_still_loads_the_search_index_on_every_page(theme_pages):
    """No upstream issue of its own found (pydata-sphinx-theme#2115 mentions it). When this
    fails, drop ``SEARCH_JS`` and ``Filters.head`` of extensions/lean."""
    from extensions.lean import SEARCH_JS

    assert len(SEARCH_JS.findall(theme_pages["index"])) == 3


def test_the_theme_still_starts_a_first_visit_in_the_auto_colour_theme(theme_pages):
    """No upstream issue found. When this fails, drop ``THEME_LINE``/``SETTLED_THEME`` of
    extensions/lean."""
    from extensions.lean import THEME_LINE

    assert len(THEME_LINE.findall(theme_pages["index"])) == 1


def test_the_theme_still_loads_the_dom_ready_scripts_without_defer(theme_pages):
    """No upstream issue found. When this fails, ``DEFERRED`` of extensions/lean is moot."""
    from extensions.lean import DEFERRED, SYNC_SCRIPT

    tags = SYNC_SCRIPT.finditer(theme_pages["index"])
    blocking = [tag["src"].split("?")[0] for tag in tags if "defer" not in tag["attrs"]]
    assert [path for path in blocking if path.endswith(DEFERRED)]


def test_the_theme_still_writes_sidebar_toggles_without_a_name(theme_pages):
    """No upstream issue found (pydata-sphinx-theme's ``add_collapse_checkboxes``). When this
    fails, drop extensions/compat/navigation.py and its ``sbt-sidebar-nav.html``."""
    assert re.search(r'<summary>\s*<span class="toctree-toggle"', theme_pages["index"])


def test_sphinx_search_excerpts_still_leave_out_only_three_kinds_of_element(theme_site):
    """No upstream issue found (sphinx-doc/sphinx#12057 added ``script`` and ``style``; there
    is no setting for more). When this fails, check extensions/compat/search.py and
    ``static/kq-search-excerpt.js`` against the new ``Search.htmlToText``."""
    script = (theme_site / "_static" / "searchtools.js").read_text(encoding="utf-8")
    (removed,) = re.findall(r"for \(const removalQuery of \[([^\]]*)\]\)", script)
    assert removed == '".headerlink", "script", "style"'
