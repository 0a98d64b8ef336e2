"""How the site's chrome looks (docs/_static/keras-quest.css, docs/_templates): one accent colour,
a modest mark with the course's name, header buttons a finger can hit, code output that does not
look like code, and headings that scale down on a phone; in light and dark mode."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MODES = ["light", "dark"]
TRACK = "tracks/05-training.html"

# The colours that matter, as [r, g, b], read from elements the way the browser draws them.
COLOURS = """() => {
  const rgb = (value) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    document.body.append(probe);
    const found = getComputedStyle(probe).color.match(/[\\d.]+/g).slice(0, 3).map(Number);
    probe.remove();
    return found;
  };
  const root = getComputedStyle(document.documentElement);
  const v = (name) => rgb(root.getPropertyValue(name).trim());
  const colour = (sel) => rgb(getComputedStyle(document.querySelector(sel)).color);
  return {
    text: colour('.bd-article p'),
    background: rgb(getComputedStyle(document.body).backgroundColor),
    dt: colour('.bd-article dl dt'),
    inlineCode: colour('.bd-article p code.literal'),
    link: colour('.bd-article p a.reference'),
    active: colour('.bd-sidebar-primary nav.bd-links .current > a'),
    primary: v('--pst-color-primary'), secondary: v('--pst-color-secondary'),
    accent: v('--pst-color-accent'), linkHover: v('--pst-color-link-hover'),
  };
}"""


def hue(rgb: list[float]) -> float:
    """The colour's hue in degrees (0 red, 120 green, 240 blue)."""
    r, g, b = (c / 255 for c in rgb)
    high, low = max(r, g, b), min(r, g, b)
    if high == low:
        return -1.0  # grey: no hue
    if high == r:
        h = (g - b) / (high - low) % 6
    elif high == g:
        h = (b - r) / (high - low) + 2
    else:
        h = (r - g) / (high - low) + 4
    return h * 60


def contrast(a: list[float], b: list[float]) -> float:
    def luminance(rgb):
        c = [x / 255 for x in rgb]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def open_page(browser, url: str, mode: str, width: int, height: int = 800):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    return context, page


def test_the_colour_checks_can_fail():
    assert 350 < hue([208, 0, 0]) or hue([208, 0, 0]) < 10  # the old red definition terms
    assert 200 < hue([23, 109, 232]) < 230  # the links' blue
    assert hue([232, 146, 23]) < 60  # the theme's orange "secondary"
    assert contrast([255, 255, 255], [0, 0, 0]) == pytest.approx(21)
    assert contrast([23, 109, 232], [255, 255, 255]) == pytest.approx(4.78, abs=0.01)


@pytest.mark.parametrize("mode", MODES)
def test_one_accent_colour_in_the_links_blue(whole_course, browser, mode):
    """Definition terms and inline code are text-coloured; every accent is the links' blue."""
    context, page = open_page(browser, whole_course.url + "index.html", mode, 1280)
    found = page.evaluate(COLOURS)
    context.close()
    assert found["dt"] == found["text"], found
    assert found["inlineCode"] == found["text"], found
    for name in ("primary", "secondary", "accent", "linkHover", "link", "active"):
        assert 200 < hue(found[name]) < 230, (name, found[name], found)
        # Text in these colours (links, a hovered link, the sidebar's current page) is readable.
        assert contrast(found[name], found["background"]) >= 4.5, (name, found)


def test_the_sidebar_shows_a_small_mark_and_the_name_in_words(whole_course, browser):
    context, page = open_page(browser, whole_course.url + "index.html", "light", 1280)
    brand = page.locator(".bd-sidebar-primary .kq-brand")
    assert brand.inner_text().strip() == "Keras Quest"
    mark = page.locator(".bd-sidebar-primary .kq-brand__mark").bounding_box()
    assert mark["height"] <= 40 and mark["width"] <= 40, mark  # was 223 px wide
    assert brand.bounding_box()["height"] <= 48
    # The search field and the course's table of contents follow at once.
    search = page.locator(".bd-sidebar-primary .search-button-field").bounding_box()
    assert search["y"] < 100, search
    # Where the sidebar is open beside the page, the header does not repeat the name.
    assert not page.locator(".bd-header-article .kq-brand").is_visible()
    context.close()


@pytest.mark.parametrize("width", [320, 360, 390, 768])
def test_the_phone_header_names_the_course_and_its_buttons_are_44_px(whole_course, browser, width):
    context, page = open_page(browser, whole_course.url + TRACK, "dark", width)
    brand = page.locator(".bd-header-article .kq-brand")
    assert brand.is_visible()
    assert brand.get_attribute("href") == "../index.html"
    assert brand.inner_text().strip() == "Keras Quest" or width < 400  # then the mark alone
    assert page.evaluate("(a) => a.textContent.trim()", brand.element_handle()) == "Keras Quest"
    targets = page.evaluate(
        """() => [...document.querySelectorAll(
              '.bd-header-article button, .bd-header-article a, .bd-header-article label')]
            .filter((b) => b.getBoundingClientRect().width > 0)
            .map((b) => {
              const r = b.getBoundingClientRect();
              return [b.className, r.width, r.height, r.left, r.right];
            })"""
    )
    assert len(targets) >= 5, targets  # menu, name, badge, theme, search, contents
    small = [t for t in targets if t[1] < 44 or t[2] < 44]
    assert not small, small
    off = [t for t in targets if t[3] < 0 or t[4] > width]
    assert not off, off
    context.close()


@pytest.mark.parametrize("mode", MODES)
def test_output_blocks_are_labelled_and_framed_unlike_code(whole_course, browser, mode):
    context, page = open_page(browser, whole_course.url + TRACK, mode, 1280)
    found = page.evaluate(
        """() => {
          const output = document.querySelector('div.kq-output');
          const code = document.querySelector('div.highlight-python pre');
          const label = getComputedStyle(output, '::before');
          const pre = getComputedStyle(output.querySelector('pre'));
          return {
            label: label.content, labelColour: label.color,
            outputs: document.querySelectorAll('div.kq-output').length,
            texts: document.querySelectorAll('div.highlight-text').length,
            outputBg: pre.backgroundColor, codeBg: getComputedStyle(code).backgroundColor,
            pageBg: getComputedStyle(document.body).backgroundColor,
            border: pre.borderLeftWidth,
          };
        }"""
    )
    context.close()
    assert found["label"] == '"Output"', found
    assert found["outputs"] == found["texts"] > 10, found  # every output block of the track
    assert found["outputBg"] != found["codeBg"], found
    assert found["outputBg"] == found["pageBg"], found
    assert float(found["border"].removesuffix("px")) >= 3, found


@pytest.mark.parametrize("width", [320, 360, 390])
def test_phone_headings_scale_down_in_order(whole_course, browser, width):
    context, page = open_page(browser, whole_course.url + TRACK, "light", width)
    sizes = page.evaluate(
        """() => ['h1', 'h2', 'h3'].map((h) =>
              parseFloat(getComputedStyle(document.querySelector('.bd-article ' + h)).fontSize))"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
    h1, h2, h3 = sizes
    assert h1 <= 28 and h1 > h2 > h3 >= 18, sizes


def test_wide_screen_headings_keep_their_size(whole_course, browser):
    context, page = open_page(browser, whole_course.url + TRACK, "light", 1280)
    h1, h2, h3 = page.evaluate(
        """() => ['h1', 'h2', 'h3'].map((h) =>
              parseFloat(getComputedStyle(document.querySelector('.bd-article ' + h)).fontSize))"""
    )
    context.close()
    assert h1 >= 40 and h1 > h2 > h3, (h1, h2, h3)
