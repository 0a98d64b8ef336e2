"""One stylesheet per page (extensions/lean/stylesheets.py): joined in order, imports inlined,
urls still right, unused rules gone, and a page that looks exactly as it did with its dozen
stylesheets, element by element, in light and dark mode, at phone and desktop width."""

from __future__ import annotations

import json
import re

import pytest

from extensions import lean
from extensions.lean import stylesheets
from extensions.lean.stylesheets import Bundle, Purger, bundle_links, join, used_classes

# ---- the links --------------------------------------------------------------------------------

BLOCK = """<script>x()</script>
<link href="../_static/styles/theme.css?digest=abc" rel="stylesheet" />
<link rel="stylesheet" type="text/css" href="../_static/pygments.css?v=1" />
<link rel="preload" as="script" href="../_static/scripts/bootstrap.js" />
<link rel="stylesheet" type="text/css" href="../_static/site.css?v=2" />"""


def test_a_pages_stylesheet_links_become_one_in_place_of_the_first():
    joined, bundle = bundle_links(BLOCK, "../_static/")
    assert bundle.parts == ["styles/theme.css", "pygments.css", "site.css"]
    links = re.findall(r"<link [^>]*>", joined)
    assert links == [
        f'<link rel="stylesheet" href="../_static/{bundle.name}?v={bundle.version}" />',
        '<link rel="preload" as="script" href="../_static/scripts/bootstrap.js" />',
    ]
    assert joined.startswith("<script>x()</script>\n<link")


def test_the_bundle_is_named_by_its_parts_and_versioned_by_their_checksums():
    one = Bundle(["a.css", "b.css"], ["a.css?v=1", "b.css?v=1"])
    assert one.key == Bundle(["a.css", "b.css"], ["a.css?v=2", "b.css?v=1"]).key
    assert one.version != Bundle(["a.css", "b.css"], ["a.css?v=2", "b.css?v=1"]).version
    assert one.key != Bundle(["b.css", "a.css"], ["b.css?v=1", "a.css?v=1"]).key


@pytest.mark.parametrize(
    "link",
    [
        '<link rel="stylesheet" href="../_static/print.css" media="print" />',
        '<link rel="stylesheet" href="https://example.org/x.css" />',
        '<link rel="stylesheet" href="../other/x.css" />',
    ],
)
def test_a_page_keeps_its_links_when_one_is_not_a_plain_link_to_the_site(link):
    block = BLOCK + "\n" + link
    assert bundle_links(block, "../_static/") == (block, None)


def test_parallel_writers_record_the_same_bundle_once(tmp_path):
    bundle = Bundle(["a.css"], ["a.css?v=1"])
    stylesheets.record(tmp_path, bundle)
    stylesheets.record(tmp_path, bundle)
    assert [p.name for p in tmp_path.iterdir()] == [f"{bundle.key}.json"]
    assert json.loads((tmp_path / f"{bundle.key}.json").read_text()) == ["a.css"]


# ---- joining ----------------------------------------------------------------------------------


def _static(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_imports_are_inlined_and_urls_rewritten_from_the_joined_files_place(tmp_path):
    static = _static(
        tmp_path,
        {
            "basic.css": "p { color: red }",
            "styles/theme.css": '@charset "utf-8"; @import "../basic.css";',
            "styles/main.css": (
                "@font-face { font-family: I; src: url(../fonts/i.woff2) }\n"
                '.a { background: url("img/a.png") } .b { background: url(data:image/png;x) }\n'
                ".c { background: url(/abs.png) }"
            ),
        },
    )
    text, problems = join(
        static, ["styles/theme.css", "styles/main.css"], frozenset("abc"), frozenset()
    )
    assert problems == []
    assert text.startswith("p { color: red }") and "@charset" not in text
    assert "url(fonts/i.woff2)" in text
    assert 'url("styles/img/a.png")' in text
    assert "url(data:image/png;x)" in text and "url(/abs.png)" in text


def test_the_joined_file_is_ascii_with_the_characters_escaped_as_the_theme_wrote_them(tmp_path):
    static = _static(tmp_path, {"a.css": '.i{--fa:"\\f062"} .j{content:"\\e000 a\\e001\\e002"}'})
    text, _ = join(static, ["a.css"], frozenset("ij"), frozenset())
    assert text.isascii()
    assert '.i{--fa:"\\f062"}' in text and 'content:"\\e000 a\\e001\\e002"' in text


def test_an_import_that_cannot_be_inlined_is_reported_and_kept_at_the_top(tmp_path):
    static = _static(
        tmp_path, {"a.css": ".a{color:red}", "b.css": '.b{color:blue} @import "a.css" print;'}
    )
    text, problems = join(static, ["b.css"], frozenset("ab"), frozenset())
    assert len(problems) == 1 and "media query" in problems[0]
    assert text.index("@import") < text.index(".b")


def test_a_missing_part_is_reported(tmp_path):
    _text, problems = join(tmp_path, ["gone.css"], frozenset(), frozenset())
    assert problems == ["a page links _static/gone.css, which the build did not write"]


# ---- purging ----------------------------------------------------------------------------------


def _purge(css: str, names: set[str], prefixes: tuple[str, ...] = ()) -> str:
    import tinycss2

    purger = Purger(frozenset(names), frozenset(prefixes))
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return tinycss2.serialize(stylesheets._spaced(purger.rules(rules)))


def test_a_rule_goes_when_every_selector_needs_an_unused_class():
    out = _purge(".used{a:1} .carousel{b:2} p .carousel-item, div{c:3} #id,span{d:4}", {"used"})
    assert ".used{a:1}" in out and ".carousel{" not in out
    assert "div{c:3}" in out and "carousel-item" not in out  # one selector of two kept
    assert "#id,span{d:4}" in out


def test_classes_inside_parentheses_and_prefixes_that_scripts_complete_count_as_possible():
    out = _purge(
        "p:not(.nowhere){a:1} :is(.nowhere) x{b:1} .kq-cm--done{c:1} .bs-tooltip-top{d:1}",
        set(),
        ("kq-cm--", "bs-"),
    )
    for kept in ("p:not(.nowhere){a:1}", ":is(.nowhere) x{b:1}", ".kq-cm--done", "bs-tooltip"):
        assert kept in out


def test_at_rules_are_purged_inside_and_dropped_when_empty():
    out = _purge(
        "@media (min-width: 1px){.gone{a:1}} @media print{.kept{b:1}}"
        "@font-face{font-family:X} @keyframes spin{from{c:1}}",
        {"kept"},
    )
    assert "min-width" not in out and "@media print{.kept{b:1}" in out
    assert "@font-face" in out and "@keyframes spin" in out


def test_classes_are_found_in_pages_inline_scripts_and_site_scripts(tmp_path):
    _static(
        tmp_path,
        {
            "a.html": "<p class=\"one two\"></p><i class='three'></i><b class=four>"
            "<script>el.className = 'five'</script><p>six</p>",
            "_static/x.js": 'add("seven"); el.classList.add("kq-cm--" + state); `bs-${n}-auto`',
            "_static/scripts/fontawesome.js": '"eight"',
        },
    )
    names, prefixes = used_classes(tmp_path)
    assert {"one", "two", "three", "four", "five", "seven"} <= names
    assert "six" not in names and "eight" not in names
    assert {"kq-cm--", "bs-"} <= prefixes


# ---- the built site ----------------------------------------------------------------------------


def _parts(whole_course) -> dict[str, list[str]]:
    folder = whole_course.outdir / ".doctrees" / "kq-lean-stylesheets" / "html"
    found = {p.stem: json.loads(p.read_text()) for p in folder.glob("*.json")}
    assert found, f"no bundles noted in {folder}"
    return found


def test_every_web_page_links_one_stylesheet_that_exists(whole_course):
    parts = _parts(whole_course)
    for page in whole_course.outdir.glob("**/*.html"):
        if ".doctrees" in page.parts or "_static" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        links = re.findall(r'<link rel="stylesheet" href="[^"]*_static/(kq-site-(\w+)\.css)', head)
        assert len(links) == 1 and head.count('rel="stylesheet"') == 1, page
        assert links[0][1] in parts and (whole_course.outdir / "_static" / links[0][0]).is_file(), (
            page
        )
        assert 'as="style"' not in head, f"{page}: a preloaded stylesheet is now in the joined one"
    assert "kq-lean.stylesheet" not in whole_course.warnings


def test_the_joined_stylesheet_is_a_fraction_of_its_parts(whole_course):
    for key, parts in _parts(whole_course).items():
        joined = (whole_course.outdir / "_static" / f"kq-site-{key}.css").stat().st_size
        original = sum((whole_course.outdir / "_static" / part).stat().st_size for part in parts)
        assert joined < original / 2, (key, joined, original)


def test_the_colour_theme_is_settled_before_the_first_paint_as_the_theme_would_settle_it():
    filters = lean.Filters(active=True)
    theme_block = (
        '<script data-cfasync="false">\n'
        '  document.documentElement.dataset.mode = localStorage.getItem("mode") || "auto";\n'
        '  document.documentElement.dataset.theme = localStorage.getItem("theme") || "auto";\n'
        '</script><script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
    )
    settled = filters.css(theme_block)
    assert 'localStorage.getItem("theme")' not in settled
    assert lean.SETTLED_THEME in settled


# Every element's computed style (and its ::before and ::after), hashed, in document order (the
# head differs, by its links, and is not drawn). Custom properties count on the root only: every
# element inherits the theme's ~500 of them, and those that matter show in the properties that
# use them.
STYLES_JS = """() => {
  const hash = (text) => { let h = 2166136261; for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); } return (h >>> 0).toString(16); };
  // A custom property keeps the text it was declared with: "\\f062" and "\uf062" are one value.
  const unescape = (v) =>
    v.replace(/\\\\([0-9a-fA-F]{1,6}) ?/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
  const root = getComputedStyle(document.documentElement);
  const standard = [...root].filter((name) => !name.startsWith('--'));
  const custom = [...root].filter((name) => name.startsWith('--')).sort();
  const describe = (el, pseudo) => {
    const s = getComputedStyle(el, pseudo);
    if (pseudo && s.content === 'none') return [];  // no such box
    const names = el === document.documentElement && !pseudo ? standard.concat(custom) : standard;
    return names.map((name) => name + ':' + unescape(s.getPropertyValue(name)));
  };
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll('*')];
  window.__kqDescribe = (i) => [null, '::before', '::after'].map((p) => describe(all[i], p));
  return all.map((el) => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/) : [];
    const where =
      el.tagName + (el.id ? '#' + el.id : '') + classes.map((c) => c && '.' + c).join('');
    const styles = [null, '::before', '::after'].map((p) => describe(el, p).join(';'));
    return [where, hash(styles.join('|'))];
  });
}"""

SEEDED_RANDOM = """(() => { let seed = 42;
  Math.random = () =>
    ((seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 12345) >>> 0) % 1e9) / 1e9;
})();"""


def _originals(html: str, parts: dict[str, list[str]]) -> str:
    """The page as the theme wrote it: its dozen stylesheet links instead of the joined one."""

    def expand(tag: re.Match) -> str:
        prefix, key = tag[1], tag[2]
        return "\n".join(f'<link rel="stylesheet" href="{prefix}{part}" />' for part in parts[key])

    return re.sub(
        r'<link rel="stylesheet" href="([^"]*_static/)kq-site-(\w+)\.css[^"]*" />', expand, html
    )


def _interact(page, state: str, width: int) -> None:
    """What adds classes and elements at run time: tabs, answers, menus, the search dialog.

    The caller then waits 400 ms (``SETTLE_MS``) before reading the styles.
    """
    if state == "search":
        page.keyboard.press("Control+k")
        page.locator("#pst-search-dialog input[name='q']").fill("ops")
        assert page.locator("#pst-search-dialog").is_visible()
    elif state == "used":
        page.locator(".sd-tab-set > label").nth(1).click()
        page.locator(".kq-question input[type=radio]").first.check()
        page.locator(".kq-question button.kq-check").first.click()
        page.locator(".kq-question :is(.kq-ok, .kq-no)").first.wait_for()
        if width < 960:
            page.locator(".primary-toggle").first.click()  # the sidebar, left open
        else:
            page.locator(".theme-switch-button:visible").first.click()  # its menu, left open


#: How long a page is left after its interaction before its styles are read (transitions end).
SETTLE_MS = 400

# STYLES_JS started in the page without waiting for it; the result is collected later, so two
# pages (two browser contexts, two renderer processes) work out their styles at the same time.
START_STYLES = (
    f"() => {{ window.__kqStyles = new Promise((go) => setTimeout(go, 0)).then({STYLES_JS}); }}"
)


def _open(browser, url: str, html: str | None, mode: str, width: int):
    """A page of its own browser context at ``url`` (served as ``html`` when given), loaded."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(SEEDED_RANDOM)
    context.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page = context.new_page()
    if html is not None:
        page.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(url)
    return page


def _difference(
    browser, base: str, name: str, joined: str | None, original: str, state, mode, width
):
    """How page ``name`` of the site at ``base`` differs, in ``state``, with its joined stylesheet
    (``joined``: its HTML, or None for the built file) and with the theme's own stylesheets
    (``original``): None when every element is styled the same, else a message naming the first
    element that is not.

    Each page is loaded, left until the network is idle and its fonts are ready, used as
    ``state`` says and left ``SETTLE_MS``, as one page after the other would be; the two pages
    do each step before either goes on to the next, and work out their styles at the same time.
    """
    pages = [_open(browser, base + name, html, mode, width) for html in (joined, original)]
    for page in pages:
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
    for page in pages:
        _interact(page, state, width)
    pages[-1].wait_for_timeout(SETTLE_MS)  # the first page has waited as long, and more
    for page in pages:
        page.evaluate(START_STYLES)
    joined_page, original_page = pages
    ours, theirs = (page.evaluate("window.__kqStyles") for page in pages)
    where = f"{name}, {state} ({mode}, {width}px)"
    message = None
    if [w for w, _ in ours] != [w for w, _ in theirs]:
        message = f"{where}: not the same elements"
    differing = [i for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a[1] != b[1]]
    if message is None and differing:
        i = differing[0]
        described = joined_page.evaluate("(i) => window.__kqDescribe(i)", i)
        expected = original_page.evaluate("(i) => window.__kqDescribe(i)", i)
        diff = [
            f"{pseudo or 'element'} expected {sorted(set(b) - set(a))[:4]}, "
            f"got {sorted(set(a) - set(b))[:4]}"
            for pseudo, a, b in zip(("", "::before", "::after"), described, expected, strict=True)
            if a != b
        ]
        message = (
            f"{where}: {len(differing)} elements styled differently; "
            f"first {ours[i][0]}: {'; '.join(diff)}"
        )
    for page in pages:
        page.context.close()
    return message


CASES = [
    ("index.html", "loaded"),
    ("tracks/03-ops.html", "loaded"),
    ("progress.html", "loaded"),
    ("search.html", "loaded"),
    ("tracks/03-ops.html", "used"),
    ("index.html", "search"),
]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_pages_look_exactly_as_with_the_themes_own_stylesheets(whole_course, browser, mode, width):
    parts = _parts(whole_course)
    for name, state in CASES:
        original = _originals((whole_course.outdir / name).read_text(encoding="utf-8"), parts)
        message = _difference(browser, whole_course.url, name, None, original, state, mode, width)
        if message:
            pytest.fail(message, pytrace=False)


@pytest.mark.browser
@pytest.mark.slow
def test_the_comparison_names_an_element_styled_differently(whole_course, browser):
    """One rule more in the joined page, a heading's letter spacing, is found and named."""
    name = "index.html"
    html = (whole_course.outdir / name).read_text(encoding="utf-8")
    original = _originals(html, _parts(whole_course))
    seeded = html.replace("</head>", "<style>h1 { letter-spacing: 3px }</style></head>")
    message = _difference(browser, whole_course.url, name, seeded, original, "loaded", "dark", 390)
    assert message is not None and "elements styled differently; first H1" in message, message
    assert "letter-spacing:3px" in message, message
