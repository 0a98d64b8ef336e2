"""Lean pages (extensions/lean): no Font Awesome script, no search index until a learner searches,
webfonts cut to the icons the site shows, and every icon still drawn, in light and dark mode."""

from __future__ import annotations

import re
from io import BytesIO

import pytest

from extensions import lean
from extensions.lean.fonts import STYLESHEET, WEBFONTS, css_string, icon_rules
from support import search_from_dialog

PAGES = ["index.html", "tracks/04-models.html", "progress.html", "review.html", "search.html"]

# Every element (and ::before/::after) drawn with a Font Awesome font: what it shows, its font
# weight (900 solid, 400 regular or brands), and its box.
ICONS_JS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (!/Font Awesome/i.test(style.fontFamily)) continue;
      if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
      if (!pseudo && el.children.length) continue;
      const box = el.getBoundingClientRect();
      const visible = style.display !== 'none' && style.visibility !== 'hidden' &&
        box.width > 0 && el.offsetParent !== null;
      found.push({
        where: el.className ? `${el.tagName}.${String(el.className).trim()}` : el.tagName,
        pseudo: pseudo || '',
        content: pseudo ? style.content : getComputedStyle(el, '::before').content,
        family: style.fontFamily, weight: style.fontWeight, visible,
        width: box.width, height: box.height,
      });
    }
  }
  return found;
}"""


def _font_characters(outdir) -> dict[str, set[int]]:
    from fontTools.ttLib import TTFont

    chars = {}
    for path in (outdir / WEBFONTS).glob("*.woff2"):
        font = TTFont(BytesIO(path.read_bytes()))
        chars[path.stem] = set(font.getBestCmap())
    return chars


def _css_content(value: str) -> str:
    """What a computed ``content`` shows: its first string (after ``/`` comes alt text)."""
    first = re.match(r'\s*"((?:[^"\\]|\\.)*)"', value)
    return css_string(first[1]) if first else ""


def test_pages_load_neither_font_awesome_js_nor_the_search_index(whole_course):
    for name in PAGES[:-1]:
        html = (whole_course.outdir / name).read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, name
        assert "searchindex.js" not in html and "searchtools.js" not in html, name
    search = (whole_course.outdir / "search.html").read_text(encoding="utf-8")
    assert "searchindex.js" in search and "searchtools.js" in search


def test_scripts_that_wait_for_the_dom_load_deferred_except_on_the_search_page(whole_course):
    track = (whole_course.outdir / "tracks" / "03-ops.html").read_text(encoding="utf-8")
    for script in lean.DEFERRED:
        tag = re.search(rf'<script[^>]*src="[^"]*{re.escape(script)}[^"]*"', track)
        assert tag and 'defer="defer"' in tag[0], script
    assert re.search(r'<script src="[^"]*documentation_options\.js', track)
    search = (whole_course.outdir / "search.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="[^"]*_static/doctools\.js', search)


def test_webfonts_and_icon_rules_are_cut_to_what_the_site_shows(whole_course):
    fonts = list((whole_course.outdir / WEBFONTS).glob("*.woff2"))
    assert fonts and all(font.stat().st_size < 10_000 for font in fonts)
    rules = icon_rules((whole_course.outdir / STYLESHEET).read_text(encoding="utf-8"))
    assert 5 < len(rules) < 100  # the theme defines ~1,970


def test_a_theme_change_is_reported_not_silently_ignored(monkeypatch):
    reported = []
    monkeypatch.setattr(lean, "theme_changed", reported.append)
    filters = lean.Filters(active=True)
    assert filters.css("<link rel='stylesheet'>") == "<link rel='stylesheet'>"
    filters.head("<meta>", "tracks/01-why-keras")
    # no Font Awesome script, no colour-theme line, no search scripts
    assert len(reported) == 3
    reported.clear()
    lean.Filters(active=False).css("<link>")  # another theme (EPUB): nothing expected
    assert reported == []


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_every_icon_is_drawn_from_the_cut_fonts(whole_course, page, mode, width):
    fonts = _font_characters(whole_course.outdir)
    in_fonts = set().union(*fonts.values())
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    seen_visible = 0
    for name in PAGES:
        page.goto(whole_course.url + name)
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        for icon in page.evaluate(ICONS_JS):
            characters = _css_content(icon["content"])
            assert characters, f"{name}: {icon['where']}{icon['pseudo']} shows no icon"
            missing = [hex(ord(c)) for c in characters if ord(c) not in in_fonts]
            assert not missing, f"{name}: {icon['where']}{icon['pseudo']} needs glyphs {missing}"
            if icon["visible"]:
                seen_visible += 1
                assert icon["width"] > 0 and icon["height"] > 0, icon
    # the header's menu, search, colour-mode and contents buttons at least
    assert seen_visible >= 4


@pytest.mark.browser
@pytest.mark.slow
def test_the_search_index_is_fetched_only_when_a_learner_searches(whole_course, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(whole_course.url + "tracks/01-why-keras.html")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "searchindex" in url or "searchtools" in url]
    search_from_dialog(page, "Theano")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15_000)
    assert any("searchindex" in url for url in requested)


@pytest.mark.browser
@pytest.mark.slow
def test_search_works_from_a_page_opened_as_a_file(whole_course, page):
    page.goto((whole_course.outdir / "tracks" / "03-ops.html").as_uri())
    page.locator(".search-button__button").first.click()
    field = page.locator("#pst-search-dialog input[name='q']")
    field.wait_for(state="visible")
    field.fill("Theano")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=Theano*")
    page.locator("#search-results ul.search li a").first.wait_for(timeout=15_000)


def test_figures_load_lazily_on_the_web(whole_course):
    html = (whole_course.outdir / "tracks" / "04-models.html").read_text(encoding="utf-8")
    figures = re.findall(r"<img [^>]*_images/[^>]*>", html)
    assert figures and all('loading="lazy"' in tag for tag in figures)


def test_icon_names_are_found_as_classes_and_not_in_the_unloaded_font_awesome_script(tmp_path):
    from extensions.lean.fonts import used_names

    (tmp_path / "_static" / "scripts").mkdir(parents=True)
    (tmp_path / "page.html").write_text(
        '<i class="fa-solid fa-bars"></i><span class="sofa-bed x-fa-lg">', encoding="utf-8"
    )
    (tmp_path / "_static" / "theme.js").write_text('el.classList.add("fa-moon")', encoding="utf-8")
    (tmp_path / "_static" / "scripts" / "fontawesome.js").write_text(
        '"fa-rocket"', encoding="utf-8"
    )
    # "sofa-bed" is no icon class (a letter before "fa-"); "x-fa-lg" is one ("-" is no letter),
    # as the regular expression the stylesheet's class names follow would also say.
    assert used_names(tmp_path) == {"fa-solid", "fa-bars", "fa-moon", "fa-lg"}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("scheme", "stored", "expected"),
    [
        ("dark", None, "dark"),
        ("light", None, "light"),
        ("dark", "light", "light"),
        ("light", "auto", "light"),
        ("light", "dark", "dark"),
    ],
)
def test_the_first_script_settles_the_colour_theme_as_the_themes_script_would(
    whole_course, browser, scheme, stored, expected
):
    context = browser.new_context(color_scheme=scheme)
    if stored:
        context.add_init_script(f"localStorage.setItem('mode', '{stored}');")
    page = context.new_page()
    # Without the theme's main script, what the page shows comes from the first script alone.
    page.route("**/pydata-sphinx-theme.js*", lambda route: route.abort())
    page.goto(whole_course.url + "tracks/03-ops.html")
    assert page.evaluate("document.documentElement.dataset.theme") == expected
    page.unroute("**/pydata-sphinx-theme.js*")
    page.reload()
    page.wait_for_load_state("networkidle")
    # ... and the theme's script, once it runs, agrees.
    assert page.evaluate("document.documentElement.dataset.theme") == expected
    context.close()
