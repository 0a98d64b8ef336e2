"""Loading our extensions imports only what every build needs.

nbformat (and the jsonschema it brings) is imported where a notebook is made, so a build that
writes none (text, LaTeX, EPUB) never pays for it; the notebooks themselves are checked by
tests/test_notebooks.py.
"""

from __future__ import annotations

import subprocess
import sys

from support import ROOT


def test_loading_the_notebooks_extension_does_not_import_nbformat():
    code = (
        "import sys\n"
        "import extensions.notebooks\n"
        "print(sorted(m for m in ('nbformat', 'jsonschema') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
