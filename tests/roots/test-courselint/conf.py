extensions = ["myst_parser", "sphinx_exercise", "extensions.quiz", "extensions.courselint"]
myst_enable_extensions = ["colon_fence", "tasklist"]
suppress_warnings = ["toc.not_included"]
exclude_patterns = ["_build"]
