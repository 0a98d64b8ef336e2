# The progress test course with code exercises (tests/test_progress_exercises*.py).
# The repository root is on sys.path in the tests (tests/conftest.py); by hand: PYTHONPATH=.
from pathlib import Path

extensions = [
    "myst_parser",
    "sphinx_design",
    "extensions.quiz",
    "extensions.exercises",
    "extensions.progress",
]
myst_enable_extensions = ["colon_fence", "tasklist"]
exclude_patterns = ["_build", "exercises"]
# This root's own exercises: plain Python, so the tests need no Keras.
kq_exercises_dir = str(Path(__file__).parent / "exercises")
html_theme = "sphinx_book_theme"
html_theme_options = {
    "article_header_end": ["kq-progress-badge.html", "article-header-buttons.html"]
}
# Levels in XP: 100 XP to Lv 2.
progress_levels = [(0, "Layer Novice"), (100, "Tensor Tinkerer"), (1000, "Sequential Stacker")]
progress_track_bonus = 50
suppress_warnings = ["progress.unreachable"]
# No favicon.ico requests (a 404 would show as a console error in the browser tests).
html_favicon = "favicon.svg"
