"""Feedback that points at the answer, in Chromium: the chosen option is marked in place (in words
for screen readers), a right answer shows its explanation at once, the verdict comes before the
buttons, a multiple-answer question says how many right options were chosen, the instruction line
is no larger than the question, and the theme's "Back to top" pill never covers the feedback.

The page is tests/roots/test-quiz-basic built with the course theme (see test_quiz_browser.py).
"""

from __future__ import annotations

import pytest
import test_quiz_browser as basic
from test_quiz_browser import (
    RECORD_EVENTS,
    SOLVE_ALL,
    events,
    feedback,
    question,
    quiz_violations,
    script_errors,
)

# The basic page and its question fixture, shared with test_quiz_browser.py.
url = basic.url
quiz = basic.quiz

pytestmark = pytest.mark.browser

# Each mark of a question: [option or row text, mark class, its words], in page order.
MARKS = """q => [...q.querySelectorAll('.kq-mark')].map((m) => {
  const owner = m.closest('label, .kq-item-text, .kq-typed');
  const name = owner.matches('.kq-typed')
    ? owner.querySelector('input').value
    : owner.firstChild.textContent.trim();
  return [name, m.className.replace('kq-mark ', ''), m.textContent.trim()];
})"""


def marks(page, qid):
    return question(page, qid).evaluate(MARKS)


def label_text(page, qid, name):
    """What a screen reader hears for the option: its label's whole text."""
    box = question(page, qid).get_by_label(name)
    return box.evaluate("b => b.labels[0].textContent.replace(/\\s+/g, ' ').trim()")


def check(page, qid):
    question(page, qid).get_by_role("button", name="Check").click()


def summary(page, qid):
    return question(page, qid).locator(".kq-answer > summary").inner_text()


# --- marks in place ----------------------------------------------------------------------------


def test_a_wrong_single_choice_is_marked_in_place_and_the_right_one_stays_hidden(quiz):
    check_first = question(quiz, "basic-single")
    check_first.get_by_label("2017").check()
    check(quiz, "basic-single")
    assert marks(quiz, "basic-single") == [["2017", "kq-mark-wrong", "✗(your choice, wrong)"]]
    # Heard with the option, not only seen as a red cross.
    assert label_text(quiz, "basic-single", "2017") == "2017 ✗(your choice, wrong)"
    # Its row is edged in the colour of a wrong answer (the words above say it without colour).
    row = check_first.locator(".kq-option", has_text="2017")
    edge = "r => getComputedStyle(r).borderLeftColor"
    assert row.evaluate(edge) != "rgba(0, 0, 0, 0)"
    assert check_first.locator(".kq-option", has_text="2013").evaluate(edge) == "rgba(0, 0, 0, 0)"
    # The right option (2015) is not given away.
    assert label_text(quiz, "basic-single", "2015") == "2015"
    assert check_first.locator(".kq-mark-right").count() == 0
    check_first.get_by_role("button", name="Try again").click()
    assert marks(quiz, "basic-single") == []
    assert row.evaluate(edge) == "rgba(0, 0, 0, 0)"


def test_a_right_answer_is_marked_and_shows_its_explanation_at_once(quiz):
    assert summary(quiz, "basic-single") == "Show answer (the question then earns no XP)"
    single = question(quiz, "basic-single")
    single.get_by_label("2015").check()
    check(quiz, "basic-single")
    assert marks(quiz, "basic-single") == [["2015", "kq-mark-right", "✓(your choice, right)"]]
    text = feedback(quiz, "basic-single")
    assert text.startswith("✓ Correct!")
    assert "The first commit is dated 27 March 2015." in text  # not behind "Show answer"
    # Answered right, the question has paid (or never will): no claim that it costs XP.
    assert summary(quiz, "basic-single") == "Show answer"
    # Still so after answering again.
    single.get_by_role("button", name="Answer again").click()
    assert summary(quiz, "basic-single") == "Show answer"
    # One announcement per check: the feedback is the one live region that changed.
    assert [e["correct"] for e in events(quiz)] == [True]


def test_a_question_solved_on_an_earlier_visit_marks_its_answer_and_drops_the_xp_warning(quiz):
    quiz.evaluate(SOLVE_ALL)
    assert marks(quiz, "basic-single") == [["2015", "kq-mark-right", "✓(your choice, right)"]]
    assert ["JAX", "kq-mark-right", "✓(your choice, right)"] in marks(quiz, "basic-multiple")
    assert question(quiz, "basic-typed").locator(".kq-typed .kq-mark-right").count() == 1
    assert [m[1] for m in marks(quiz, "basic-order")] == ["kq-mark-right"] * 3
    summaries = quiz.locator(".kq-answer > summary").all_inner_texts()
    assert summaries == ["Show answer"] * 5
    # Practice again: fresh, unmarked.
    question(quiz, "basic-single").get_by_role("button", name="Practice again").click()
    assert marks(quiz, "basic-single") == []
    assert summary(quiz, "basic-single") == "Show answer"


def test_a_wrong_multiple_choice_counts_the_right_options_without_naming_them(quiz):
    multiple = question(quiz, "basic-multiple")
    multiple.get_by_label("JAX").check()
    multiple.get_by_label("Theano").check()
    check(quiz, "basic-multiple")
    assert feedback(quiz, "basic-multiple").startswith(
        "✗ Not quite. 1 of 3 right options chosen, 1 wrong one."
    )
    # Both choices are marked as chosen, neither as right or wrong: ticking every option would
    # otherwise show the whole answer after one wrong try.
    assert sorted(marks(quiz, "basic-multiple")) == [
        ["JAX", "kq-mark-chosen", "(your choice)"],
        ["Theano", "kq-mark-chosen", "(your choice)"],
    ]
    assert multiple.locator(".kq-mark-right, .kq-mark-wrong").count() == 0
    multiple.get_by_role("button", name="Try again").click()
    for name in ("JAX", "torch", "TensorFlow"):
        multiple.get_by_label(name).check()
    multiple.get_by_label("Theano").uncheck()
    check(quiz, "basic-multiple")
    assert feedback(quiz, "basic-multiple").startswith("✓ Correct!")
    assert [m[1] for m in marks(quiz, "basic-multiple")] == ["kq-mark-right"] * 3


def test_a_finished_test_marks_each_choice_and_the_right_options_left_out(quiz):
    quiz.get_by_role("button", name="Test yourself").click()
    multiple = question(quiz, "basic-multiple")
    multiple.get_by_label("JAX").check()
    multiple.get_by_label("Theano").check()
    quiz.get_by_role("button", name="Finish test").click()
    # The test shows the right answer anyway: every option says what it was.
    assert feedback(quiz, "basic-multiple").startswith(
        "✗ Wrong. 1 of 3 right options chosen, 1 wrong one."
    )
    assert sorted(marks(quiz, "basic-multiple")) == [
        ["JAX", "kq-mark-right", "✓(your choice, right)"],
        ["TensorFlow", "kq-mark-right", "✓(a right option, not chosen)"],
        ["Theano", "kq-mark-wrong", "✗(your choice, wrong)"],
        ["torch", "kq-mark-right", "✓(a right option, not chosen)"],
    ]
    quiz.get_by_role("button", name="Leave test").click()
    assert quiz.locator(".kq-mark").count() == 0


def test_typed_and_ordering_answers_are_marked_sensibly(quiz):
    typed = question(quiz, "basic-typed")
    typed.get_by_label("Your answer").fill("numpy")
    check(quiz, "basic-typed")
    assert marks(quiz, "basic-typed") == [["numpy", "kq-mark-wrong", "✗(your answer, wrong)"]]
    assert typed.locator(".kq-typed .kq-mark-wrong").count() == 1
    typed.get_by_role("button", name="Try again").click()
    assert marks(quiz, "basic-typed") == []
    # A wrong order marks no row (that would tell which rows are in place) ...
    check(quiz, "basic-order")
    assert feedback(quiz, "basic-order").startswith("✗ Not quite.")
    assert marks(quiz, "basic-order") == []
    # ... a right one marks every row.
    order = question(quiz, "basic-order")
    order.get_by_role("button", name="Try again").click()
    order.evaluate(
        """q => { const list = q.querySelector('.kq-order');
        list.append(...[...list.children].sort((a, b) => a.dataset.kqPos - b.dataset.kqPos)); }"""
    )
    check(quiz, "basic-order")
    assert feedback(quiz, "basic-order").startswith("✓ Correct!")
    words = [m[2] for m in marks(quiz, "basic-order")]
    assert words == ["✓(in the right place)"] * 3


# --- order and size ----------------------------------------------------------------------------


def test_the_verdict_comes_before_the_buttons_in_the_page_and_on_screen(quiz):
    single = question(quiz, "basic-single")
    single.get_by_label("2017").check()
    check(quiz, "basic-single")
    before = single.evaluate(
        """q => !!(q.querySelector('.kq-feedback').compareDocumentPosition(
            q.querySelector('.kq-actions')) & Node.DOCUMENT_POSITION_FOLLOWING)"""
    )
    assert before
    verdict = single.locator(".kq-feedback").bounding_box()
    button = single.get_by_role("button", name="Try again").bounding_box()
    assert verdict["y"] + verdict["height"] <= button["y"]
    # Keyboard: focus lands on Try again, right after the verdict; Shift+Tab goes back up to
    # the feedback's link, not past it.
    assert quiz.evaluate("document.activeElement.className") == "kq-retry"
    quiz.keyboard.press("Shift+Tab")
    assert quiz.evaluate("document.activeElement.closest('.kq-feedback') !== null")


def test_the_instruction_line_is_no_larger_than_the_question(quiz):
    sizes = quiz.evaluate(
        """() => [...document.querySelectorAll('.kq-question')].map((q) => {
          const px = (s) => parseFloat(getComputedStyle(q.querySelector(s)).fontSize);
          return [px('.kq-instr'), px('.kq-xp'), px('.kq-text p')];
        })"""
    )
    assert len(sizes) == 5
    for instruction, xp, text in sizes:
        assert instruction <= text and xp <= text


# --- nothing covers the feedback on a phone ----------------------------------------------------

# Points along the feedback's edges (corners, and the middle where the theme centres its pill),
# each checked with elementFromPoint: what the learner would see there.
COVERED = """() => {
  const fb = document.querySelector('[data-kq-id="basic-single"] .kq-feedback');
  const r = fb.getBoundingClientRect();
  const xs = [r.left + 2, r.left + r.width / 2, r.right - 2];
  const ys = [r.top + 2, r.bottom - 2];
  const hidden = [];
  for (const x of xs) for (const y of ys) {
    const el = document.elementFromPoint(x, y);
    const where = `${Math.round(x)},${Math.round(y)}`;
    if (!fb.contains(el)) hidden.push(`${where}: ${el?.id || el?.className}`);
  }
  return hidden;
}"""


def scroll_up_to(page, y):
    """Scroll past ``y`` and back up to it, as a learner does: the theme shows its pill on the
    way up (one scroll event each, so the theme sees both)."""
    page.evaluate("y => scrollTo(0, y)", y + 40)
    page.wait_for_timeout(150)
    page.evaluate("y => scrollTo(0, y)", y)
    page.wait_for_timeout(150)


@pytest.mark.parametrize("width", [320, 360, 390])
def test_the_back_to_top_pill_never_covers_the_feedback_on_a_phone(browser, url, width):
    context = browser.new_context(viewport={"width": width, "height": 640})
    try:
        page = context.new_page()
        page.add_init_script(RECORD_EVENTS)
        page.goto(url)
        page.wait_for_function("window.KQuiz !== undefined")
        single = question(page, "basic-single")
        single.get_by_label("2017").check()
        single.get_by_role("button", name="Check").click()
        # The learner scrolls the feedback's end to where the pill sits (90% of the screen's
        # height), scrolling up, which is what makes the theme show its pill.
        y = page.evaluate(
            """() => document.querySelector('[data-kq-id="basic-single"] .kq-feedback')
              .getBoundingClientRect().bottom + scrollY - innerHeight * 0.9 - 20"""
        )
        scroll_up_to(page, y)
        pill = page.locator("#pst-back-to-top")
        assert pill.count() == 1  # the theme's pill is on the page, and was asked to show
        assert page.evaluate("document.getElementById('pst-back-to-top').style.display") == (
            "block"
        )
        assert page.evaluate(COVERED) == []
    finally:
        context.close()


def test_the_pill_still_shows_when_no_quiz_control_has_focus(browser, url):
    """The quiz hides the pill only while a question has focus, not for the whole page."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("window.KQuiz !== undefined")
        scroll_up_to(page, 800)
        assert page.locator("#pst-back-to-top").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_violations_in_the_marks(page, url, console_errors, mode):
    page.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page.goto(url)
    page.wait_for_function("window.KQuiz !== undefined")
    question(page, "basic-single").get_by_label("2017").check()
    multiple = question(page, "basic-multiple")
    multiple.get_by_label("JAX").check()
    multiple.get_by_label("Theano").check()
    question(page, "basic-typed").get_by_label("Your answer").fill("ops")
    for qid in ("basic-single", "basic-multiple", "basic-typed"):
        check(page, qid)
    assert page.locator(".kq-mark").count() == 4  # wrong, chosen twice, right
    assert quiz_violations(page) == []
    assert script_errors(console_errors) == []
