"""The "stock" configuration for the site benchmark: the same pages, sphinx-book-theme with its
default options, and none of our extensions (their directives are swallowed by stand-ins so
the build does not stop on them)."""

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


globals().update(
    {k: v for k, v in runpy.run_path(str(ROOT / "conf.py")).items() if not k.startswith("__")}
)

extensions = [e for e in extensions if not e.startswith("extensions.")]  # noqa: F821
extensions.append("standins")
html_theme_options = {}
html_css_files = []
html_static_path = [str(ROOT / "docs" / "_static")]
html_logo = str(ROOT / "docs" / "_static" / "logo.svg")
html_favicon = str(ROOT / "docs" / "_static" / "favicon.svg")
suppress_warnings = ["myst.directive_unknown"]
html_math_renderer = None  # Sphinx default (MathJax); ours is one of the extensions left out
