"""The course configuration with every quiz directive replaced by a no-op (for bench_quiz.py).

The quiz extension stays loaded, so extensions that read its domain still find it (empty).
"""

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

globals().update(
    {k: v for k, v in runpy.run_path(str(ROOT / "conf.py")).items() if not k.startswith("__")}
)
extensions = [*extensions, "quiz_noop"]  # noqa: F821
