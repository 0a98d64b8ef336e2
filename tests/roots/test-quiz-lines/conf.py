import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

extensions = ["myst_parser", "sphinx_design", "extensions.quiz", "probe"]
myst_enable_extensions = ["colon_fence", "tasklist"]
exclude_patterns = ["_build"]
