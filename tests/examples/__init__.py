"""The example runner: every Python block in docs/ runs, page by page, on every backend.

``parse`` finds the blocks of a MyST page, ``runner`` runs them in a fresh offline process
(``child`` is what that process executes, ``sandbox`` its network guard), ``output`` compares
printed with expected output, and ``plugin`` reports skips and timings at the end of a session.
"""
