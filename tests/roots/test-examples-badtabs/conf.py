extensions = ["myst_parser", "sphinx_design", "extensions.examples"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
examples_keras_version = "1.2.3"
