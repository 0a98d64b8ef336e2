"""Search result excerpts quote the page, never its interface (extensions/compat/search.py)."""

from __future__ import annotations

import pytest

from extensions.compat.search import INTERFACE, SCRIPT
from support import search_from_dialog

pytestmark = pytest.mark.browser

#: Text of the header badge, the theme switch, and a table of contents (its heading, then the
#: first entry of every track's): none of it may show in an excerpt.
INTERFACE_TEXT = (
    "XP · Lv",
    "System Settings",
    "Contents Learning objectives",
    # The My progress dashboard's labels and the quizzes' buttons.
    "Longest streak",
    "Tracks mastered",
    "Test yourself",
    "Check Try again",
)


def excerpts(page) -> list[str]:
    page.wait_for_selector("#search-results li p.context", timeout=30_000)
    # Results and their excerpts arrive one by one; wait until the list stops growing.
    page.wait_for_function(
        """() => {
            const n = document.querySelectorAll('#search-results p.context').length;
            const settled = window.__kqLast === n;
            window.__kqLast = n;
            return settled && n > 0;
        }""",
        polling=500,
    )
    return page.locator("#search-results p.context").all_inner_texts()


def assert_page_text_only(found: list[str], word: str) -> None:
    assert found, "no excerpt shown"
    assert any(word.lower() in text.lower() for text in found), found
    leaked = [(bit, text) for text in found for bit in INTERFACE_TEXT if bit in text]
    assert leaked == []


def test_the_script_loads_on_the_search_page_only(whole_course):
    search = (whole_course.outdir / "search.html").read_text(encoding="utf-8")
    assert SCRIPT in search and "data-kq-interface" in search
    for page in ("index.html", "tracks/03-ops.html"):
        assert SCRIPT not in (whole_course.outdir / page).read_text(encoding="utf-8")
    assert ".bd-header-article" in INTERFACE


def test_excerpts_from_the_search_page_quote_page_text(whole_course, page, console_errors):
    # "Keras" is in every page title: those results have no anchor, so Sphinx quotes the whole
    # [role=main], header included, which is where the badge and the theme switch used to leak.
    page.goto(whole_course.url + "search.html?q=Keras")
    found = excerpts(page)
    assert_page_text_only(found, "Keras")
    assert any("Examples verified with Keras" in text for text in found), found
    assert console_errors == []


def test_excerpts_from_the_search_dialog_quote_page_text(whole_course, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(whole_course.url + "tracks/03-ops.html")
    search_from_dialog(page, "shuffle")
    assert_page_text_only(excerpts(page), "shuffle")


def test_search_from_a_file_url_lists_results_without_interface_text(whole_course, page):
    # Sphinx cannot fetch pages on file://, so it lists results without excerpts; what it shows
    # must still carry no interface text, and the page must not break.
    page.goto((whole_course.outdir / "search.html").as_uri() + "?q=Keras")
    # Sphinx adds results one by one; read them once it says the search finished.
    page.wait_for_function(
        "() => /Search finished/.test(document.querySelector('.search-summary')?.textContent)",
        timeout=30_000,
    )
    results = page.locator("#search-results li").all_inner_texts()
    assert any("Track 3" in text for text in results), results
    assert not [text for text in results if "XP · Lv" in text or "System Settings" in text]


def test_excerpts_leave_out_the_progress_dashboard(whole_course, page):
    # "streak" is in the My progress page's text and in its dashboard's labels.
    page.goto(whole_course.url + "search.html?q=streak")
    assert_page_text_only(excerpts(page), "streak")
