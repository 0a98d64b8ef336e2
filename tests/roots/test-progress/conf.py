# The repository root is on sys.path in the tests (tests/conftest.py); by hand: PYTHONPATH=.
extensions = ["myst_parser", "extensions.quiz", "extensions.progress"]
myst_enable_extensions = ["colon_fence", "tasklist"]
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_theme_options = {
    "article_header_end": ["kq-progress-badge.html", "article-header-buttons.html"]
}
# Levels in XP, so the tests' numbers (100 XP to Lv 2) do not move with the default curve, which
# is a share of this course's XP (tests/test_progress_config.py checks the default here).
progress_levels = [
    (0, "Layer Novice"),
    (100, "Tensor Tinkerer"),
    (300, "Sequential Stacker"),
    (600, "Functional Architect"),
    (1000, "Callback Conductor"),
    (1500, "Gradient Wrangler"),
    (2100, "Backend Polyglot"),
    (2800, "Preset Whisperer"),
    (3600, "Hyperband Hunter"),
    (4500, "Export Grandmaster"),
]
# This small course offers far less XP than those levels need.
suppress_warnings = ["progress.unreachable"]
# No favicon.ico requests (a 404 would show as a console error in the browser tests).
html_favicon = "favicon.svg"
