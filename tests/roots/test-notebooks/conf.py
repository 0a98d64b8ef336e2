# The repository root is on sys.path in the tests (tests/conftest.py); by hand: PYTHONPATH=.
from pathlib import Path

extensions = [
    "myst_parser",
    "sphinx_design",
    "extensions.compat",  # sphinx-design in singlehtml beside extensions.exercises
    "extensions.examples",
    "extensions.exercises",
    "extensions.notebooks",
]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "exercises"]
# EPUB3 wants both.
version = "1"
copyright = "2026, Keras Quest tests"
# This root's own exercise: plain Python, so the tests need no Keras.
kq_exercises_dir = str(Path(__file__).parent / "exercises")
