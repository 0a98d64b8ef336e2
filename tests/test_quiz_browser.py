"""The quiz in Chromium: every kind answered by mouse and by keyboard, events, shuffling, the page
without JavaScript, and an axe-core scan of the quiz markup (light and dark theme).

The pages are tests/roots/test-quiz-basic built with the course theme (sphinx-book-theme).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import sphinx_build

BASIC = Path(__file__).parent / "roots" / "test-quiz-basic"

pytestmark = pytest.mark.browser

RECORD_EVENTS = """
window.kqEvents = [];
for (const type of ["kq:answer", "kq:reveal"]) {
  document.addEventListener(type, (e) => window.kqEvents.push({ type, ...e.detail }));
}
"""


def _served(builder, tmp_path_factory, serve_dir) -> str:
    """The basic quiz root built with ``builder`` and served; the URL of its index page."""
    outdir = tmp_path_factory.mktemp(f"quiz-browser-{builder}") / builder
    code, _out, err = sphinx_build(BASIC, outdir, builder, "-D", "html_theme=sphinx_book_theme")
    assert code == 0, err
    return serve_dir(outdir) + "index.html"


@pytest.fixture(scope="module")
def url(tmp_path_factory, serve_dir):
    return _served("html", tmp_path_factory, serve_dir)


@pytest.fixture(scope="module")
def key_url(tmp_path_factory, serve_dir):
    """The same page from dirhtml, whose pages also end with the folded answer key."""
    return _served("dirhtml", tmp_path_factory, serve_dir)


def script_errors(console_errors):
    """Console errors minus known outside noise, all "Failed to load resource": MathJax from its
    CDN (offline here), the favicon the test site does not have, and the theme's
    "@import ../basic.css" that axe resolves against the page when it re-reads stylesheets.
    Uncaught exceptions all count; that the quiz's own files load is checked by waiting for
    window.KQuiz and its styles."""
    noise = ("Failed to load resource", "Got invalid theme mode")
    return [e for e in console_errors if not e.startswith(noise)]


@pytest.fixture
def quiz(page, url, console_errors):
    page.add_init_script(RECORD_EVENTS)
    page.goto(url)
    page.wait_for_function("window.KQuiz !== undefined")
    # The stylesheet arrived too: without it the letters A, B, C would be missing.
    letter = "getComputedStyle(document.querySelector('.kq-option label'), '::before').content"
    assert page.evaluate(letter) == '"A. "' or page.evaluate(letter).startswith("counter")
    yield page
    assert script_errors(console_errors) == []


def question(page, qid):
    return page.locator(f'.kq-question[data-kq-id="{qid}"]')


def events(page):
    return page.evaluate("window.kqEvents")


def focused_class(page):
    return page.evaluate("document.activeElement.className")


def feedback(page, qid):
    return question(page, qid).locator(".kq-feedback").inner_text()


# --- single choice --------------------------------------------------------------------------


def test_single_by_mouse_wrong_then_right(quiz):
    q = question(quiz, "basic-single")
    q.get_by_label("2017").check()
    q.get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-single").startswith("✗ Not quite.")
    assert "Too late: Keras 2 came out in 2017." in feedback(quiz, "basic-single")
    assert q.get_by_label("2015").is_disabled()
    assert focused_class(quiz) == "kq-retry"
    q.get_by_role("button", name="Try again").click()
    assert feedback(quiz, "basic-single") == ""
    q.get_by_label("2015").check()
    q.get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-single").startswith("✓ Correct!")
    assert events(quiz) == [
        {
            "type": "kq:answer",
            "id": "basic-single",
            "correct": False,
            "attempt": 1,
            "revealed": False,
            "misconceptions": ["basics-versions"],
            "test": False,
        },
        {
            "type": "kq:answer",
            "id": "basic-single",
            "correct": True,
            "attempt": 2,
            "revealed": False,
            "misconceptions": [],
            "test": False,
        },
    ]


def test_single_by_keyboard(quiz):
    q = question(quiz, "basic-single")
    q.locator("input").first.focus()
    quiz.keyboard.press("ArrowDown")  # moves to, and selects, 2015
    assert q.get_by_label("2015").is_checked()
    quiz.keyboard.press("Tab")
    assert focused_class(quiz) == "kq-check"
    quiz.keyboard.press("Enter")
    assert feedback(quiz, "basic-single").startswith("✓ Correct!")
    # Focus lands on the next thing to do, not on <body>.
    assert focused_class(quiz) == "kq-retry"
    assert quiz.evaluate("document.activeElement.textContent") == "Answer again"
    quiz.keyboard.press("Enter")
    assert q.get_by_label("2015").is_enabled()
    assert quiz.evaluate("document.activeElement.value") == "1"  # back on the chosen radio


def test_checking_nothing_asks_for_an_answer_and_sends_no_event(quiz):
    question(quiz, "basic-single").get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-single") == "! Choose an answer first."
    assert events(quiz) == []


# --- multiple answer ------------------------------------------------------------------------


def test_multiple_by_mouse_is_all_or_nothing(quiz):
    q = question(quiz, "basic-multiple")
    q.get_by_label("JAX").check()
    q.get_by_label("TensorFlow").check()
    q.get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-multiple").startswith("✗ Not quite.")
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("torch").check()
    q.get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-multiple").startswith("✓ Correct!")
    assert [e["correct"] for e in events(quiz)] == [False, True]


def test_multiple_by_keyboard_shows_feedback_of_chosen_options(quiz):
    q = question(quiz, "basic-multiple")
    for name in ("Theano", "JAX"):
        q.get_by_label(name).focus()
        quiz.keyboard.press("Space")
    q.get_by_role("button", name="Check").focus()
    quiz.keyboard.press("Enter")
    text = feedback(quiz, "basic-multiple")
    assert text.startswith("✗ Not quite.")
    assert "Theano support ended with Keras 2.3." in text
    assert "PyTorch is supported" not in text  # feedback of an option not chosen


# --- typed answer ---------------------------------------------------------------------------


def test_typed_ignores_case_and_spaces(quiz):
    q = question(quiz, "basic-typed")
    field = q.get_by_label("Your answer")
    field.fill("jax")
    field.press("Enter")
    assert feedback(quiz, "basic-typed").startswith("✗ Not quite.")
    quiz.keyboard.press("Enter")  # focus is on "Try again"
    assert focused_class(quiz) == ""  # back in the text field
    field.fill("  Keras . OPS ")
    field.press("Enter")
    assert feedback(quiz, "basic-typed").startswith("✓ Correct!")


def test_typed_number_within_tolerance(quiz):
    q = question(quiz, "basic-number")
    field = q.get_by_label("Your answer")
    field.fill("0.67")  # off by 0.003, tolerance 0.001
    q.get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-number").startswith("✗")
    q.get_by_role("button", name="Try again").click()
    field.fill("0,6671")
    q.get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-number").startswith("✓")


def test_typed_empty_asks_for_an_answer(quiz):
    question(quiz, "basic-typed").get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-typed") == "! Type an answer first."
    assert events(quiz) == []


# --- ordering -------------------------------------------------------------------------------


def positions(page):
    return [
        int(p)
        for p in question(page, "basic-order")
        .locator("li.kq-item")
        .evaluate_all("items => items.map(i => i.dataset.kqPos)")
    ]


def test_ordering_never_starts_in_the_right_order(quiz):
    assert sorted(positions(quiz)) == [0, 1, 2]
    assert positions(quiz) != [0, 1, 2]


def test_ordering_by_mouse(quiz):
    q = question(quiz, "basic-order")
    # Bubble the items into place with the "Move up" buttons.
    while positions(quiz) != [0, 1, 2]:
        order = positions(quiz)
        i = next(i for i in range(1, 3) if order[i] < order[i - 1])
        q.locator("li.kq-item").nth(i).locator(".kq-up").click()
    q.get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-order").startswith("✓ Correct!")


def test_ordering_by_keyboard_keeps_focus_on_the_moved_item(quiz):
    q = question(quiz, "basic-order")
    while positions(quiz) != [0, 1, 2]:
        order = positions(quiz)
        i = next(i for i in range(1, 3) if order[i] < order[i - 1])
        button = q.locator("li.kq-item").nth(i).locator(".kq-up")
        label = button.get_attribute("aria-label")
        button.focus()
        quiz.keyboard.press("Enter")
        assert quiz.evaluate("document.activeElement.getAttribute('aria-label')") == label
        assert f"position {i} of 3" in feedback(quiz, "basic-order")
    q.get_by_role("button", name="Check").focus()
    quiz.keyboard.press("Space")
    assert feedback(quiz, "basic-order").startswith("✓ Correct!")


def test_wrong_order_is_not_quite(quiz):
    question(quiz, "basic-order").get_by_role("button", name="Check").click()
    assert feedback(quiz, "basic-order").startswith("✗ Not quite.")
    assert events(quiz)[0]["correct"] is False


# --- reveal and events ----------------------------------------------------------------------


def test_show_answer_is_announced_and_marks_later_checks(quiz):
    q = question(quiz, "basic-single")
    q.get_by_text("Show answer").click()
    quiz.wait_for_function("window.kqEvents.length === 1")  # "toggle" fires after the click
    assert q.get_by_text("The first commit is dated 27 March 2015.").is_visible()
    q.get_by_label("2015").check()
    q.get_by_role("button", name="Check").click()
    assert events(quiz) == [
        {"type": "kq:reveal", "id": "basic-single"},
        {
            "type": "kq:answer",
            "id": "basic-single",
            "correct": True,
            "attempt": 1,
            "revealed": True,
            "misconceptions": [],
            "test": False,
        },
    ]


def test_standalone_html_pages_have_no_page_end_key(quiz):
    assert quiz.locator(".kq-key").count() == 0
    assert quiz.locator(".kq-question details.kq-answer").count() == 5


def test_opening_the_answer_key_reveals_every_question_it_answers(quiz, key_url):
    quiz.goto(key_url)
    quiz.wait_for_function("window.KQuiz !== undefined")
    quiz.locator(".kq-key summary").click()
    quiz.wait_for_function("window.kqEvents.length >= 5")  # "toggle" fires after the click
    revealed = [e["id"] for e in events(quiz) if e["type"] == "kq:reveal"]
    assert revealed == [
        "basic-single",
        "basic-multiple",
        "basic-typed",
        "basic-number",
        "basic-order",
    ]


def test_enhance_is_idempotent_and_wires_copied_questions(quiz):
    quiz.evaluate("KQuiz.enhance(document); KQuiz.enhance(document)")
    q = question(quiz, "basic-typed")
    q.get_by_label("Your answer").fill("ops")
    q.get_by_role("button", name="Check").click()
    assert len(events(quiz)) == 1  # not one event per enhance() call
    # The Review page copies questions from other pages and wires them with enhance().
    quiz.evaluate(
        """() => {
        const box = document.createElement("div");
        box.id = "copy";
        box.append(document.querySelector('[data-kq-id="basic-typed"]').cloneNode(true));
        document.body.append(box);
        KQuiz.enhance(box);
      }"""
    )
    copy = quiz.locator("#copy .kq-question")
    assert copy.locator(".kq-check").is_visible()  # the copy starts unanswered
    copy.locator("input").fill("keras.ops")
    copy.locator(".kq-check").click()
    assert copy.locator(".kq-feedback").inner_text().startswith("✓ Correct!")
    assert events(quiz)[-1] == {
        "type": "kq:answer",
        "id": "basic-typed",
        "correct": True,
        "attempt": 1,
        "revealed": False,
        "misconceptions": [],
        "test": False,
    }


# --- shuffling ------------------------------------------------------------------------------


def option_order(page):
    return question(page, "basic-multiple").locator("label").all_inner_texts()


def test_shuffle_is_stable_per_learner(page, url, console_errors):
    page.goto(url)
    first = option_order(page)
    seed = page.evaluate("localStorage.getItem('kq-quiz-seed')")
    assert seed
    page.reload()
    assert option_order(page) == first
    # Another learner (another seed) gets another order of the same options.
    orders = set()
    for other in ("a", "b", "c", "d", "e"):
        page.evaluate(f"localStorage.setItem('kq-quiz-seed', '{other}')")
        page.reload()
        orders.add(tuple(option_order(page)))
    assert len(orders) > 1
    assert {frozenset(o) for o in orders} == {frozenset(first)}
    assert script_errors(console_errors) == []


def test_without_storage_the_quiz_still_works_and_shuffles_stably(page, url):
    # The theme's own scripts throw when storage is blocked; none of the errors may be ours.
    stacks: list[str] = []
    page.on("pageerror", lambda error: stacks.append(error.stack or ""))
    page.add_init_script(
        """Object.defineProperty(window, "localStorage", {
             get() { throw new DOMException("denied", "SecurityError"); } });"""
    )
    page.goto(url)
    first = option_order(page)
    page.reload()
    assert option_order(page) == first
    q = question(page, "basic-single")
    q.get_by_label("2015").check()
    q.get_by_role("button", name="Check").click()
    assert feedback(page, "basic-single").startswith("✓ Correct!")
    assert not [stack for stack in stacks if "kq-quiz.js" in stack]


# --- no JavaScript, phone, accessibility ----------------------------------------------------


def test_without_javascript_questions_stay_readable_and_answers_sit_in_details(browser, url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        q = question(page, "basic-single")
        assert q.get_by_text("In which year did Keras first appear?").is_visible()
        assert q.get_by_label("2015").is_visible()
        # Buttons that need the script are hidden, not left dead.
        assert not q.get_by_role("button", name="Check").is_visible()
        assert not question(page, "basic-order").locator(".kq-up").first.is_visible()
        explanation = q.get_by_text("The first commit is dated 27 March 2015.")
        assert not explanation.is_visible()
        q.locator("summary", has_text="Show answer").click()
        assert explanation.is_visible()
        assert q.get_by_text("Too late: Keras 2 came out in 2017.").is_visible()
    finally:
        context.close()


def test_fits_a_phone(browser, url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(url)
        for qid in ("basic-single", "basic-order", "basic-typed"):
            box = question(page, qid).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, qid
    finally:
        context.close()


def quiz_violations(page):
    """axe violations whose nodes lie inside quiz markup."""
    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            selector = node["target"][0]
            inside = page.evaluate(
                "s => !!document.querySelector(s)?.closest('.kq-quiz, .kq-key')", selector
            )
            if inside:
                found.append(f"{violation['id']}: {selector}")
    return found


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_violations_in_quiz_markup(page, key_url, console_errors, mode):
    # The dirhtml page: the same quiz markup, plus the page-end answer key to scan too.
    page.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page.goto(key_url)
    page.wait_for_function("window.KQuiz !== undefined")
    assert page.locator("html").get_attribute("data-theme") == mode
    assert quiz_violations(page) == []
    # Again with feedback shown, answers open and a hint open.
    q = question(page, "basic-single")
    q.get_by_label("2017").check()
    q.get_by_role("button", name="Check").click()
    question(page, "basic-order").get_by_role("button", name="Check").click()
    q.locator("summary", has_text="Hint").click()
    q.locator("summary", has_text="Show answer").click()
    page.locator(".kq-key summary").click()
    assert quiz_violations(page) == []
    assert script_errors(console_errors) == []


def test_the_axe_scan_does_catch_a_problem_inside_the_quiz(page, url):
    page.goto(url)
    page.evaluate(
        "document.querySelector('.kq-quiz').insertAdjacentHTML('beforeend', '<input type=text>')"
    )
    assert any(v.startswith("label:") for v in quiz_violations(page))


# --- misconceptions, "Show answer" wording ---------------------------------------------------


def test_a_tagged_wrong_choice_links_its_section_and_names_it_in_the_event(quiz):
    q = question(quiz, "basic-single")
    assert q.get_by_label("2017").get_attribute("data-kq-misconception") == "basics-versions"
    q.get_by_label("2017").check()
    q.get_by_role("button", name="Check").click()
    assert "Misconception: Keras versions" in feedback(quiz, "basic-single")
    link = q.locator(".kq-feedback a", has_text="Keras versions")
    assert link.get_attribute("href") == "#basics-versions"
    assert events(quiz)[-1]["misconceptions"] == ["basics-versions"]
    # A wrong choice without a tag reveals nothing in particular.
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("2013").check()
    q.get_by_role("button", name="Check").click()
    assert events(quiz)[-1]["misconceptions"] == []


def test_show_answer_says_before_opening_that_the_question_then_earns_no_xp(quiz):
    summaries = quiz.locator(".kq-answer > summary").all_inner_texts()
    assert summaries == ["Show answer (the question then earns no XP)"] * 5


# --- answered stays answered: KQuiz.solved ----------------------------------------------------

SOLVE_ALL = """() => document.querySelectorAll('.kq-question').forEach(
  (q) => KQuiz.solved(q, {when: '2026-11-20'}))"""


def test_solved_shows_each_kind_answered_locked_and_explained(quiz):
    quiz.evaluate(SOLVE_ALL)
    assert quiz.evaluate("document.activeElement === document.body")  # no focus stolen
    for qid in ("basic-single", "basic-multiple", "basic-typed", "basic-number", "basic-order"):
        text = feedback(quiz, qid)
        assert text.startswith("✓ You answered this correctly on 2026-11-20."), qid
        assert question(quiz, qid).locator(".kq-check").is_hidden()
        assert question(quiz, qid).get_by_role("button", name="Practice again").is_visible()
    assert "The first commit is dated 27 March 2015." in feedback(quiz, "basic-single")
    single = question(quiz, "basic-single")
    assert single.get_by_label("2015").is_checked() and single.get_by_label("2015").is_disabled()
    multiple = question(quiz, "basic-multiple")
    ticked = [multiple.get_by_label(name).is_checked() for name in ("JAX", "torch", "Theano")]
    assert ticked == [True, True, False]
    assert question(quiz, "basic-typed").locator("input").input_value() == "keras.ops"
    assert question(quiz, "basic-number").locator("input").input_value() == "0.667"
    assert positions(quiz) == [0, 1, 2]
    assert events(quiz) == []  # showing a past answer is not answering


def test_practice_again_by_keyboard_starts_fresh_and_marks_the_event(quiz):
    quiz.evaluate(SOLVE_ALL)
    q = question(quiz, "basic-single")
    q.get_by_role("button", name="Practice again").focus()
    quiz.keyboard.press("Enter")
    assert feedback(quiz, "basic-single") == ""
    assert not q.get_by_label("2015").is_checked()
    assert not q.get_by_label("2015").is_disabled()
    assert quiz.evaluate("document.activeElement.id") == "kq-basic-single-0"
    quiz.keyboard.press("ArrowDown")  # 2015
    tab_to(quiz, ".kq-check")
    quiz.keyboard.press("Enter")
    assert feedback(quiz, "basic-single").startswith("✓ Correct!")
    assert events(quiz) == [
        {
            "type": "kq:answer",
            "id": "basic-single",
            "correct": True,
            "attempt": 1,
            "revealed": False,
            "misconceptions": [],
            "test": False,
            "practice": True,
        }
    ]
    # An ordering practised again starts shuffled, not in the answer shown.
    order = question(quiz, "basic-order")
    order.get_by_role("button", name="Practice again").click()
    assert positions(quiz) != [0, 1, 2]


# --- test yourself ----------------------------------------------------------------------------


def tab_to(page, selector, limit=40):
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_test_yourself_by_keyboard_only_to_the_score(quiz):
    start = quiz.get_by_role("button", name="Test yourself")
    assert start.is_visible()
    assert "XP only for questions never answered before" in quiz.locator(".kq-testbar").inner_text()
    start.focus()
    quiz.keyboard.press("Enter")
    assert focused_class(quiz) == "kq-score"
    assert quiz.locator(".kq-check:visible, .kq-answer:visible, .kq-hint:visible").count() == 0
    assert start.is_hidden()
    count = quiz.locator(".kq-count")
    assert count.inner_text() == "0 of 5 answered"
    tab_to(quiz, "#kq-basic-single-0")
    quiz.keyboard.press("ArrowDown")  # 2015: right
    tab_to(quiz, "#kq-basic-typed-input")  # through the checkboxes, none ticked
    quiz.keyboard.type("ops")  # right
    quiz.keyboard.press("Enter")  # no per-question check in a test
    tab_to(quiz, "#kq-basic-number-input")
    quiz.keyboard.type("0.5")  # wrong
    assert count.inner_text() == "3 of 5 answered"
    assert feedback(quiz, "basic-typed") == ""
    tab_to(quiz, ".kq-finish")  # past the ordering, not moved
    quiz.keyboard.press("Enter")
    assert focused_class(quiz) == "kq-score"
    assert quiz.locator(".kq-score").inner_text() == "Test yourself: 2 of 5 right."
    answers = [e for e in events(quiz) if e["type"] == "kq:answer"]
    assert [(e["id"], e["correct"]) for e in answers] == [
        ("basic-single", True),
        ("basic-multiple", False),  # unanswered counts as wrong
        ("basic-typed", True),
        ("basic-number", False),
        ("basic-order", False),
    ]
    assert all(e["test"] is True and e["attempt"] == 1 for e in answers)
    assert feedback(quiz, "basic-single").startswith("✓ Right.")
    assert "The first commit is dated 27 March 2015." in feedback(quiz, "basic-single")
    assert feedback(quiz, "basic-number").startswith("✗ Wrong.")
    assert "0.667 (± 0.001)" in feedback(quiz, "basic-number")  # the right answer is shown
    assert question(quiz, "basic-typed").locator("input").is_disabled()
    assert "kq-wrong" in question(quiz, "basic-number").get_attribute("class")
    # Leave: back to normal questions, focus on the button that started the test.
    tab_to(quiz, ".kq-leave")
    quiz.keyboard.press("Enter")
    assert focused_class(quiz) == "kq-test-start"
    assert quiz.locator(".kq-test").count() == 0
    assert question(quiz, "basic-single").locator(".kq-check").is_visible()
    assert feedback(quiz, "basic-single") == ""


def test_retake_starts_the_test_again_and_finishing_unanswered_fires_every_question(quiz):
    quiz.get_by_role("button", name="Test yourself").click()
    quiz.get_by_role("button", name="Finish test").click()
    assert quiz.locator(".kq-score").inner_text() == "Test yourself: 0 of 5 right."
    quiz.get_by_role("button", name="Retake test").click()
    assert quiz.locator(".kq-count").inner_text() == "0 of 5 answered"
    assert not question(quiz, "basic-typed").locator("input").is_disabled()
    answers = [e for e in events(quiz) if e["type"] == "kq:answer"]
    assert [e["correct"] for e in answers] == [False] * 5


def test_a_test_over_questions_copied_into_another_page(quiz):
    """The course final copies questions from track pages into one container."""
    quiz.evaluate(
        """() => {
        const box = document.createElement("section");
        box.id = "final";
        for (const id of ["basic-single", "basic-typed"]) {
          box.append(document.querySelector(`[data-kq-id="${id}"]`).cloneNode(true));
        }
        document.body.append(box);
        KQuiz.startTest(box, {title: "Final", onFinish: (r) => { window.kqFinal = r; }});
      }"""
    )
    final = quiz.locator("#final")
    assert final.locator(".kq-count").inner_text() == "0 of 2 answered"
    # The copies keep the ids of the originals here (on the final's page there are none).
    final.locator('input[value="2"]').check()  # 2017
    final.get_by_role("button", name="Finish test").click()
    assert final.locator(".kq-score").inner_text() == "Final: 0 of 2 right."
    assert quiz.evaluate("window.kqFinal") == {
        "right": 0,
        "total": 2,
        "results": [
            {"id": "basic-single", "correct": False},
            {"id": "basic-typed", "correct": False},
        ],
    }
    first = [e for e in events(quiz) if e["type"] == "kq:answer"][0]
    assert first["misconceptions"] == ["basics-versions"] and first["test"] is True
    # The original questions on the page were not touched.
    assert question(quiz, "basic-single").locator(".kq-check").first.is_visible()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_violations_in_solved_and_test_states(page, url, console_errors, mode):
    page.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page.goto(url)
    page.wait_for_function("window.KQuiz !== undefined")
    page.evaluate(SOLVE_ALL)
    assert quiz_violations(page) == []
    page.get_by_role("button", name="Test yourself").click()
    question(page, "basic-single").get_by_label("2017").check()
    assert quiz_violations(page) == []
    page.get_by_role("button", name="Finish test").click()
    assert quiz_violations(page) == []
    assert script_errors(console_errors) == []


def test_test_mode_and_solved_fit_a_phone(browser, url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("window.KQuiz !== undefined")
        page.evaluate(SOLVE_ALL)
        page.get_by_role("button", name="Test yourself").click()
        page.get_by_role("button", name="Finish test").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for selector in (".kq-test", ".kq-question"):
            for box in page.locator(selector).all():
                b = box.bounding_box()
                assert b["x"] >= 0 and b["x"] + b["width"] <= 360, selector
    finally:
        context.close()
