extensions = ["myst_parser", "extensions.examples"]
exclude_patterns = ["_build"]
