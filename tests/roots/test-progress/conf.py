# The repository root is on sys.path in the tests (tests/conftest.py); by hand: PYTHONPATH=.
extensions = ["myst_parser", "extensions.quiz", "extensions.progress"]
myst_enable_extensions = ["colon_fence", "tasklist"]
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_theme_options = {
    "article_header_end": ["kq-progress-badge.html", "article-header-buttons.html"]
}
# The default levels follow this course's XP; a test that sets levels in XP beyond it turns this on.
suppress_warnings = ["progress.unreachable"]
# No favicon.ico requests (a 404 would show as a console error in the browser tests).
html_favicon = "favicon.svg"
