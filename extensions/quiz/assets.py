"""The quiz script and stylesheet: copied for HTML builders (``builders.add_static_dir``), linked
only from pages that need them.

A page needs them when it contains a question, or when its front matter says
``quiz-assets: true`` (a page that inserts questions later, like the Review page). Sphinx's
``html_assets_policy = "always"`` is not followed: only its private registry says which policy is
set, and we read no private Sphinx attribute; a page that wants the files says so.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

from ..builders import is_interactive
from .transform import MARK

STATIC = Path(__file__).parent / "static"
CORE = "kq-quiz-core.js"  # the pure rules (tests/js/quiz.test.mjs); SCRIPT uses them
SCRIPT = "kq-quiz.js"
STYLESHEET = "kq-quiz.css"
TRUE_WORDS = {"true", "yes", "1", "on"}
#: Bytes the three files may weigh together, each gzipped (level 9); the one definition, read by
#: tests/test_quiz_html.py and bench/bench_quiz.py. 4,096 until the solved state, the test mode
#: and misconception tags (session 3) took the files from 4,080 to about 5,930 bytes; 6,144
#: until the script's 188-line ``wire`` became named functions of one question state (session
#: 6, no change in behaviour), which took it to about 6,600 bytes. 8,192 since feedback points at
#: the answer (issue 27: marks on the chosen option with words for screen readers, the
#: multiple-answer tally, the explanation of a right answer, the pill kept off the feedback):
#: about 8,020 bytes. 8,448 since the marks' row colours and the pill rule became classes the
#: script sets (EPUBCheck refuses CSS :has()): about 8,270 bytes.
GZIP_BUDGET = 8448


def wants_assets(metadata: dict) -> bool:
    return str(metadata.get("quiz-assets", "")).strip().lower() in TRUE_WORDS


def has_question(doctree: nodes.document | None) -> bool:
    # Set by the post-transform when it renders interactive questions into this page.
    return doctree is not None and bool(doctree.get(MARK))


def link_assets(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: add the files to this one page when it needs them."""
    if not is_interactive(app.builder):
        return
    if has_question(doctree) or wants_assets(app.env.metadata.get(pagename, {})):
        app.add_css_file(STYLESHEET)
        # Deferred scripts run in document order: the rules are there before the DOM glue.
        app.add_js_file(CORE, loading_method="defer")
        app.add_js_file(SCRIPT, loading_method="defer")
