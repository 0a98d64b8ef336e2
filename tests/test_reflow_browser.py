"""Reflow (WCAG 1.4.10) on every page of the built course: at 320 and 390 px, light and dark, no
page scrolls sideways and every control (button, input, select, link, summary) is on screen.

axe does not test reflow. A code block, table or cell output that scrolls inside its own box is
fine (the learner scrolls the block, not the page), and so is a control inside one; any other box
that scrolls sideways is not (the theme's article container, for one, has `overflow-x: auto`, so
a page can scroll inside it). One browser page per view visits every page; each finding names
the page and what sticks out.
"""

from __future__ import annotations

import pytest
from test_axe_site import built_pages

pytestmark = pytest.mark.browser

VIEWS = [("light", 320), ("dark", 320), ("light", 390), ("dark", 390)]

# What sticks out of the viewport sideways, in words ([] when nothing does).
OFF_SCREEN = """() => {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const found = [];
  if (doc.scrollWidth > width) found.push(`the page is ${doc.scrollWidth} px wide`);
  // Boxes that may scroll sideways by themselves: code, tables, cell outputs, maths.
  const own = "pre, .highlight, .pst-scrollable-table-container, .output, mjx-container, math";
  const scrolls = (box) =>
    /auto|scroll/.test(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth + 1;
  for (const box of document.querySelectorAll("body *")) {
    // A closed drawer (the theme's sidebars on a phone) is hidden: it scrolls nothing.
    const hidden = getComputedStyle(box).visibility === "hidden";
    if (box.closest(own) || hidden || !scrolls(box)) continue;
    const name = `${box.localName}.${[...box.classList].join(".")}`;
    found.push(`${name} scrolls sideways: ${box.scrollWidth} px wide in ${box.clientWidth} px`);
  }
  const inScroller = (element) => {
    const box = element.parentElement?.closest(own);
    return !!box && box.scrollWidth > box.clientWidth;
  };
  const controls = "button, input, select, textarea, a[href], summary";
  for (const control of document.querySelectorAll(controls)) {
    const box = control.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue; // not shown, or hidden for screen readers
    if (getComputedStyle(control).visibility === "hidden") continue;
    if (box.left >= -0.5 && box.right <= width + 0.5) continue;
    if (inScroller(control)) continue;
    const text = (control.textContent || control.getAttribute("aria-label") || "").trim();
    const [left, right] = [Math.round(box.left), Math.round(box.right)];
    found.push(`${control.localName} "${text.slice(0, 50)}" at x ${left} to ${right}`);
  }
  return found;
}"""


@pytest.mark.parametrize(("mode", "width"), VIEWS, ids=[f"{m}-{w}" for m, w in VIEWS])
def test_every_page_fits_a_narrow_phone(whole_course, browser, mode, width):
    pages = built_pages(whole_course.outdir)
    assert len(pages) > 20, pages
    context = browser.new_context(viewport={"width": width, "height": 740})
    context.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for name in pages:
        page.goto(whole_course.url + name)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.dataset.mode") == mode
        off = page.evaluate(OFF_SCREEN)
        if off:
            found[name] = off
    context.close()
    report = [f"{name}: {'; '.join(lines)}" for name, lines in found.items()]
    assert not report, f"{len(report)} pages do not fit {width} px ({mode}):\n" + "\n".join(report)


def test_the_contents_drawer_fits_a_narrow_phone(whole_course, browser):
    """On a phone the page's contents open as a drawer: its entries wrap inside it."""
    context = browser.new_context(viewport={"width": 320, "height": 740})
    page = context.new_page()
    wide: dict[str, int] = {}
    opened = 0
    for name in built_pages(whole_course.outdir):
        page.goto(whole_course.url + name)
        toggle = page.locator(".secondary-toggle").first
        if not toggle.count() or not toggle.is_visible():
            continue
        toggle.click()
        drawer = page.locator(".bd-sidebar-secondary")
        drawer.wait_for(state="visible")
        opened += 1
        width, room = drawer.evaluate("d => [d.scrollWidth, d.clientWidth]")
        if width > room:
            wide[name] = width
    context.close()
    assert opened > 15  # every track has one
    assert not wide, f"contents drawers wider than they are (px): {wide}"


def test_the_check_sees_a_page_that_scrolls_sideways(whole_course, page):
    """The check above can fail: a page made too wide, and a link pushed off screen, are found."""
    page.set_viewport_size({"width": 320, "height": 740})
    page.goto(whole_course.url + "index.html")
    assert page.evaluate(OFF_SCREEN) == []
    page.evaluate(
        """() => {
        const link = [...document.querySelectorAll('.bd-article p a[href]')].find(
            (a) => getComputedStyle(a).visibility !== 'hidden');
        link.style.cssText = 'position: relative; left: 400px';
        document.querySelector('.bd-article').append(
            Object.assign(document.createElement('div'), {style: 'width: 500px; height: 1px'}));
    }"""
    )
    found = page.evaluate(OFF_SCREEN)
    assert found[0].startswith("the page is ")
    assert any(line.startswith("a ") for line in found[1:]), found
    # A box of the page that scrolls sideways instead of the page is found too.
    page.reload()
    page.evaluate(
        """() => {
        const box = Object.assign(document.createElement('div'), {style: 'overflow-x: auto'});
        const wide = document.createElement('div');
        wide.style.cssText = 'width: 500px; height: 1em';
        box.append(wide);
        document.querySelector('.bd-article').append(box);
    }"""
    )
    assert any("scrolls sideways" in line for line in page.evaluate(OFF_SCREEN))
