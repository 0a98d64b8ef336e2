import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

extensions = ["myst_parser", "extensions.quiz"]
myst_enable_extensions = ["colon_fence", "tasklist", "dollarmath"]
exclude_patterns = ["_build"]
