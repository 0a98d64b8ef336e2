# The repository root is on sys.path in the tests (tests/conftest.py); by hand: PYTHONPATH=.
from pathlib import Path

project = "Exercises test"
copyright = "the Keras Quest authors"
version = release = "1"
extensions = ["myst_parser", "extensions.exercises"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "exercises"]
# This root's own exercises: plain Python, so the tests need no Keras.
kq_exercises_dir = str(Path(__file__).parent / "exercises")
