extensions = ["myst_parser", "sphinx_design", "extensions.examples"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
examples_keras_version = "9.8.7"
