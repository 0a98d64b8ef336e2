# Hostile quiz pages: every way an author could slip markup or a script into a quiz.
# Built WITHOUT -W by tests/test_quiz_hostile.py and tests/test_quiz_hostile_browser.py.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

extensions = ["myst_parser", "extensions.quiz", "extensions.mathml"]
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "tasklist",
    "substitution",
    "dollarmath",
    "attrs_inline",
    "attrs_block",
]
html_math_renderer = "mathml"
exclude_patterns = ["_build", "snippets"]
