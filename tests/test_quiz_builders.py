"""Every builder writes quizzes without crashing, with numbered questions, lettered options and the
answers with their explanations in an answer key at the end of the page, never next to the question.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

# Text that only explanations / option feedback of tests/roots/test-quiz-basic/index.md contain.
EXPLANATIONS = ["27 March 2015", "Build, compile, fit"]
FEEDBACK = ["Theano support ended with Keras 2.3", "Too late: Keras 2 came out in 2017"]
ANSWERS = EXPLANATIONS + FEEDBACK
# The file holding the root document, per builder.
MAIN = {
    "html": "index.html",
    "dirhtml": "index.html",
    "singlehtml": "index.html",
    "epub": "index.xhtml",
    "text": "index.txt",
    "latex": "*.tex",
    "man": "*.1",
    "texinfo": "*.texi",
}
PRINTED = ["latex", "epub", "text", "man", "texinfo"]
WEB = ["html", "dirhtml", "singlehtml"]
# How each printed format shows the first option of the first question as lettered.
LETTERED = {
    "latex": r"\sphinxsetlistlabels{\alph}{enumi}{enumii}{(}{)}",
    "epub": '<ol class="loweralpha simple kq-options"',
    "text": "(a) 2013",
    "man": ".IP a. 3\n2013",
    "texinfo": "@enumerate a",
}


@pytest.fixture(scope="module")
def built(build_root):
    """builder name -> (text of the root document's output, quiz warnings)."""
    results = {}
    for builder in MAIN:
        done = build_root("quiz-basic", builder)
        assert done.returncode == 0, done.warnings
        (main,) = done.outdir.glob(MAIN[builder])
        # The copy's folder is named after the root ("test-quiz-basic0"): leave it out of the
        # lines, so only a warning about quizzes counts.
        warnings = done.warnings.replace(str(done.srcdir), "")
        quiz_warnings = [line for line in warnings.splitlines() if "quiz" in line]
        results[builder] = (main.read_text(encoding="utf-8"), quiz_warnings)
    return results


@pytest.mark.parametrize("builder", list(MAIN))
def test_builds_without_quiz_warnings(built, builder):
    _text, warnings = built[builder]
    assert warnings == []


@pytest.mark.parametrize("builder", list(MAIN))
def test_questions_are_numbered_in_order_and_the_key_comes_after_them(built, builder):
    text, _warnings = built[builder]
    positions = [text.find(f"Question {n}") for n in range(1, 6)]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    key = text.find("Answer key")
    if builder == "html":
        # Standalone pages answer each question in place ("Show answer") and end without a key.
        assert key == -1
        return
    assert key > positions[-1]
    # The page's own content ("After the quiz") comes before its key: the key ends the page.
    assert text.find("Closing words") < key


@pytest.mark.parametrize("builder", PRINTED)
def test_printed_outputs_keep_every_answer_in_the_key(built, builder):
    text, _warnings = built[builder]
    key = text.find("Answer key")
    for answer in ANSWERS:
        first = text.find(answer)
        assert first > key, f"{answer!r} appears before the answer key in {builder}"


@pytest.mark.parametrize("builder", PRINTED)
def test_printed_outputs_letter_the_options(built, builder):
    text, _warnings = built[builder]
    assert LETTERED[builder] in text


def test_printed_key_names_the_right_letters(built):
    text, _warnings = built["text"]
    key = text[text.find("Answer key") :]
    assert "Answer: (b) 2015" in key
    assert 'Answers:\n\n* (a) JAX\n\n* (b) "torch"\n\n* (d) TensorFlow' in key
    # The ordering shows its items scrambled; the key maps them back.
    assert '(a) "model.fit(...)"' in text[: text.find("Answer key")]
    assert "Answer: (b), (c), (a)" in key


def test_epub_has_no_interactive_markup_and_no_inline_answers(built):
    text, _warnings = built["epub"]
    assert "<details" not in text
    assert "<fieldset" not in text
    assert "<script" not in text or "kq-quiz.js" not in text


class _DetailsTracker(HTMLParser):
    """Records, for each text chunk containing a marker, whether it sits inside <details>."""

    def __init__(self, markers):
        super().__init__()
        self.markers = markers
        self.depth = 0
        self.outside: list[str] = []
        self.inside: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "details":
            self.depth -= 1

    def handle_data(self, data):
        for marker in self.markers:
            if marker in data:
                (self.inside if self.depth else self.outside).append(marker)


@pytest.mark.parametrize("builder", WEB)
def test_web_outputs_keep_answers_folded_away(built, builder):
    text, _warnings = built[builder]
    tracker = _DetailsTracker(ANSWERS)
    tracker.feed(text)
    assert tracker.outside == []
    # An explanation is in the question's "Show answer" and, in dirhtml and singlehtml, in the
    # page's answer key; option feedback only in "Show answer" (the script shows it on Check).
    copies = 1 if builder == "html" else 2
    for explanation in EXPLANATIONS:
        assert tracker.inside.count(explanation) == copies, explanation
    for feedback in FEEDBACK:
        assert tracker.inside.count(feedback) == 1, feedback


@pytest.mark.parametrize("builder", ["singlehtml", "latex", "texinfo", "man"])
def test_joined_outputs_give_each_document_its_own_numbering_and_key(built, builder):
    text, _warnings = built[builder]
    assert text.count("Answer key") == 2
    derived = text.find("Derived ids")
    # The second document starts again at question 1, and its key follows its questions.
    assert text.find("Question 1", derived) > derived
    assert text.find("Answer key", derived) > text.find("Question 3", derived)


@pytest.mark.parametrize("builder", [*PRINTED, *WEB])
def test_a_misconception_is_named_after_its_option_feedback_in_every_output(built, builder):
    text, _warnings = built[builder]
    # The tag on "2017" names its section by title, after the option's own feedback.
    feedback = text.index("Too late: Keras 2 came out in 2017")
    named = text.index("Keras versions", feedback)
    assert "Misconception" in text[feedback:named]
    assert "{misconception}" not in text and "basics-versions`" not in text


def test_singlehtml_links_a_misconception_inside_the_one_page(built):
    text, _warnings = built["singlehtml"]
    assert 'href="#basics-versions"' in text


def test_text_output_writes_the_quiz_labels_as_plain_text(built):
    # The text writer spells bold and italics out as **x** and *x*: the quiz's own labels (the
    # question line, Hint, the key's Question / Answer / About the options / Misconception, the
    # option leads) are written plain, each on a line of its own.
    text, _warnings = built["text"]
    lines = text.splitlines()
    assert "Question 1 (15 XP). Choose one answer." in lines
    assert "Question 1" in lines[lines.index("-[ Answer key ]-") :]
    for label in ("Question", "Answer", "Answers:", "Hint:", "About the options:", "(a)"):
        assert f"**{label}" not in text and f"*{label}" not in text, label
    assert "*Misconception:*" not in text
    assert "Misconception: " in text
