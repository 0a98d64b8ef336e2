extensions = ["myst_parser", "sphinx_design", "extensions.examples", "extensions.notebooks"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
# EPUB3 wants both.
version = "1"
copyright = "2026, Keras Quest tests"
