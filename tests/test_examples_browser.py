"""In a real browser: the chosen backend follows the learner across pages, and backend notes
read well in light and dark mode (root: tests/roots/test-examples-browser, sphinx-book-theme).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def url(build_root, serve_dir) -> str:
    done = build_root("examples-browser")
    assert done.returncode == 0, done.warnings
    return serve_dir(done.outdir)


def test_chosen_backend_is_remembered_on_the_next_page(url, page):
    page.goto(url + "first.html")
    expect(page.get_by_text("JAX on the first page.")).to_be_visible()
    page.locator("label.sd-tab-label", has_text="PyTorch").click()
    expect(page.get_by_text("PyTorch on the first page.")).to_be_visible()
    page.goto(url + "second.html")
    expect(page.get_by_text("PyTorch on the second page.")).to_be_visible()
    expect(page.get_by_text("JAX on the second page.")).to_be_hidden()


def _rgb(css: str) -> tuple[float, ...]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return tuple(numbers) if len(numbers) == 4 else (*numbers, 1.0)


def _over(top: tuple[float, ...], below: tuple[float, ...]) -> tuple[float, ...]:
    alpha = top[3]
    return tuple(t * alpha + b * (1 - alpha) for t, b in zip(top[:3], below[:3], strict=True))


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("mode", "accent"), [("light", (180, 83, 9)), ("dark", (251, 191, 36))])
def test_backend_note_has_its_gear_and_readable_colours(url, page, mode, accent):
    page.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page.goto(url + "first.html")
    assert page.locator("html").get_attribute("data-theme") == mode
    note = page.locator("div.backend-note")
    title = note.locator(".admonition-title")
    expect(title).to_have_text("Backend Note")
    style = note.evaluate(
        """note => {
            const title = note.querySelector('.admonition-title');
            const css = getComputedStyle(title);
            return {
                border: getComputedStyle(note).borderLeftColor,
                noteBackground: getComputedStyle(note).backgroundColor,
                titleBackground: css.backgroundColor,
                titleColor: css.color,
                icon: getComputedStyle(title, '::after').content,
            };
        }"""
    )
    assert _rgb(style["border"])[:3] == accent
    assert "⚙️" in style["icon"]
    background = _over(_rgb(style["titleBackground"]), _rgb(style["noteBackground"]))
    assert _contrast(_rgb(style["titleColor"]), background) >= 4.5
